package com.hirerelay.host.candidates;

import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Candidates tab and the candidate page.
 */
@Path("candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CandidateResource {

    private static final int MAX_NAME = 200;

    private final CandidateRepository repository;
    private final CandidateViews views;
    private final HiredListener hired;
    private final CandidateEditListener edited;

    public CandidateResource(
            CandidateRepository repository, CandidateViews views, HiredListener hired, CandidateEditListener edited) {
        this.edited = edited;
        this.repository = repository;
        this.views = views;
        this.hired = hired;
    }

    /** A page of candidate rows. */
    public record RowPage(List<CandidateViews.Row> items, int page, int pageSize, long total) {}

    @GET
    public RowPage list(
            @QueryParam("status") String status,
            @QueryParam("jobId") String jobId,
            @QueryParam("stageId") String stageId,
            @QueryParam("q") String query,
            @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("pageSize") @DefaultValue("25") String pageSize,
            @Context SecurityContext security) {
        User user = Access.user(security);
        new FieldChecks()
                .text("q", query, RequestLimits.MAX_SEARCH_CHARS)
                .throwIfAny("The search text cannot be used.");
        CandidateFilter filter = new CandidateFilter(
                status(status),
                number(jobId, "jobId"),
                number(stageId, "stageId"),
                query,
                (int) Math.min(1_000_000, orDefault(number(page, "page"), 1L)),
                (int) Math.min(100, orDefault(number(pageSize, "pageSize"), 25L)));
        CandidatePage result = repository.list(filter);
        return new RowPage(
                views.rows(result.items(), MenuPlacement.CANDIDATE_LIST_ROW, user),
                result.page(),
                result.pageSize(),
                result.total());
    }

    @GET
    @Path("{id}")
    public CandidateViews.Detail detail(@PathParam("id") String id, @Context SecurityContext security) {
        User user = Access.user(security);
        return views.detail(find(id), user);
    }

    /**
     * The contact fields a recruiter may correct, the offer's title, start date, salary amount, currency (ISO 4217)
     * and pay period ({@code YEARLY}, {@code MONTHLY}, ...), and the stage to move to. A field left out (null) keeps
     * its value.
     */
    public record Edit(
            String firstName,
            String lastName,
            String email,
            String phone,
            Long stageId,
            String offerJobTitle,
            String offerStartDate,
            String salaryAmount,
            String salaryCurrency,
            String salaryPeriod) {}

    @PUT
    @Path("{id}")
    public CandidateViews.Detail update(@PathParam("id") String id, Edit edit, @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        StoredCandidate candidate = find(id);
        if (edit == null) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Send the candidate's fields as JSON.");
        }
        // characters first: a NUL or an escape in a name is refused, not stored
        new FieldChecks()
                .text("firstName", edit.firstName(), RequestLimits.MAX_TEXT_CHARS)
                .text("lastName", edit.lastName(), RequestLimits.MAX_TEXT_CHARS)
                .text("email", edit.email(), RequestLimits.MAX_EMAIL_CHARS)
                .text("phone", edit.phone(), RequestLimits.MAX_TEXT_CHARS)
                .text("offerJobTitle", edit.offerJobTitle(), RequestLimits.MAX_TEXT_CHARS)
                .text("offerStartDate", edit.offerStartDate(), RequestLimits.MAX_TEXT_CHARS)
                .text("salaryAmount", edit.salaryAmount(), RequestLimits.MAX_TEXT_CHARS)
                .text("salaryCurrency", edit.salaryCurrency(), RequestLimits.MAX_TEXT_CHARS)
                .text("salaryPeriod", edit.salaryPeriod(), RequestLimits.MAX_TEXT_CHARS)
                .throwIfAny("Check the highlighted fields.");
        List<FieldError> errors = new ArrayList<>();
        String first = required(edit.firstName(), candidate.firstName(), "firstName", "First name", errors);
        String last = required(edit.lastName(), candidate.lastName(), "lastName", "Last name", errors);
        String email = edit.email() == null ? candidate.email() : edit.email().strip();
        if (email != null && !email.isEmpty() && !EmailAddress.isWellFormed(email)) {
            errors.add(new FieldError("email", "Enter an e-mail address such as ana@example.com."));
        }
        String phone = edit.phone() == null ? candidate.phone() : edit.phone().strip();
        if (phone != null && phone.length() > 40) {
            errors.add(new FieldError("phone", "A phone number has at most 40 characters."));
        }
        String title = edit.offerJobTitle() == null ? candidate.offerJobTitle() : blankToNull(edit.offerJobTitle());
        if (title != null && title.length() > MAX_NAME) {
            errors.add(new FieldError("offerJobTitle", "A job title has at most " + MAX_NAME + " characters."));
        }
        String start = edit.offerStartDate() == null ? candidate.offerStartDate() : blankToNull(edit.offerStartDate());
        if (start != null && edit.offerStartDate() != null) {
            try {
                start = java.time.LocalDate.parse(start).toString();
            } catch (java.time.format.DateTimeParseException unreadable) {
                errors.add(new FieldError("offerStartDate", "Enter the start date as YYYY-MM-DD."));
            }
        }
        String currency = edit.salaryCurrency() == null
                ? candidate.salaryCurrency()
                : blankToNull(edit.salaryCurrency().strip().toUpperCase(Locale.ROOT));
        if (currency != null && edit.salaryCurrency() != null && !isCurrency(currency)) {
            errors.add(new FieldError("salaryCurrency", "Choose a currency such as EUR (ISO 4217 code)."));
        }
        String period = edit.salaryPeriod() == null
                ? candidate.salaryPeriod()
                : blankToNull(edit.salaryPeriod().strip().toUpperCase(Locale.ROOT));
        if (period != null && edit.salaryPeriod() != null && !isPayPeriod(period)) {
            errors.add(new FieldError("salaryPeriod", "Choose yearly, monthly, weekly, daily or hourly."));
        }
        String salary = edit.salaryAmount() == null ? candidate.salaryAmount() : blankToNull(edit.salaryAmount());
        if (salary != null && edit.salaryAmount() != null) {
            salary = salary.replace(" ", "");
            if (!salary.matches("\\d{1,12}(\\.\\d{1,2})?") || new java.math.BigDecimal(salary).signum() <= 0) {
                errors.add(new FieldError("salaryAmount", "Enter the salary as a positive amount such as 48000.50."));
            }
        }
        // A salary means nothing without its currency and period: refuse rather than store an amount the
        // export could not send.
        boolean salaryEdited =
                edit.salaryAmount() != null || edit.salaryCurrency() != null || edit.salaryPeriod() != null;
        if (salaryEdited && salary != null && (currency == null || period == null)) {
            errors.add(new FieldError(
                    currency == null ? "salaryCurrency" : "salaryPeriod",
                    "A salary needs its currency and pay period."));
        }
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(Reason.VALIDATION_FAILED, "Check the highlighted fields.", errors);
        }
        repository.updateOffer(candidate.id(), title, start, salary, currency, period);
        repository.updateContact(
                candidate.id(),
                first,
                last,
                email == null || email.isEmpty() ? null : email,
                phone == null || phone.isEmpty() ? null : phone);
        edited.edited(candidate.id(), user);
        if (edit.stageId() != null && !edit.stageId().equals(candidate.stageId())) {
            moveToStage(candidate, edit.stageId(), user);
        }
        return views.detail(find(id), user);
    }

    private void moveToStage(StoredCandidate candidate, long stageId, User user) {
        var stage = repository
                .stageOfJob(candidate.jobId() == null ? -1 : candidate.jobId(), stageId)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.VALIDATION_FAILED,
                        "Pick a stage of the candidate's job.",
                        List.of(new FieldError("stageId", "Pick a stage of the candidate's job."))));
        repository.moveToStage(
                candidate.id(),
                stageId,
                stage.hired(),
                java.time.LocalDate.now().toString());
        if (stage.hired()) {
            hired.hired(candidate.id(), user);
        }
    }

    private StoredCandidate find(String id) {
        Long number = number(id, "id");
        return repository
                .find(number == null ? -1 : number)
                .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "There is no candidate " + id + "."));
    }

    private static String required(String value, String current, String key, String label, List<FieldError> errors) {
        String result = value == null ? current : value.strip();
        if (result == null || result.isEmpty()) {
            errors.add(new FieldError(key, label + " is required."));
        } else if (result.length() > MAX_NAME) {
            errors.add(new FieldError(key, label + " has at most " + MAX_NAME + " characters."));
        }
        return result;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static CandidateStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CandidateStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST, "Status must be one of ACTIVE, HIRED, REJECTED, WITHDRAWN.");
        }
    }

    static Long number(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, name + " must be a number.");
        }
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static boolean isPayPeriod(String period) {
        return java.util.Arrays.stream(com.hirerelay.api.candidate.PayPeriod.values())
                .anyMatch(known -> known.name().equals(period));
    }
}
