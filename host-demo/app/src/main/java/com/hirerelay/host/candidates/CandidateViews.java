package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Candidates as the API shows them: rows with their latest exports and the export menu the user may
 * see at that placement.
 */
public final class CandidateViews {

    private final VisibleMenus menus;
    private final ExportSummaries exports;

    public CandidateViews(VisibleMenus menus, ExportSummaries exports) {
        this.menus = menus;
        this.exports = exports;
    }

    /** A reference to a job or stage. */
    public record Ref(Long id, String name) {}

    /** A list row or pipeline card. */
    public record Row(
            long id,
            String firstName,
            String lastName,
            String email,
            String status,
            Ref job,
            Ref stage,
            List<ExportSummary> exports,
            List<MenuEntry> menu) {}

    /** The offer part of a candidate page. */
    public record OfferView(
            String jobTitle, String startDate, String salaryAmount, String salaryCurrency, String salaryPeriod) {}

    /** The address part of a candidate page. */
    public record AddressView(
            String line1, String line2, String postalCode, String city, String state, String country) {}

    /** The candidate page. */
    public record Detail(
            long id,
            String firstName,
            String lastName,
            String email,
            String status,
            Ref job,
            Ref stage,
            List<ExportSummary> exports,
            List<MenuEntry> menu,
            String phone,
            String hiredOn,
            OfferView offer,
            String birthday,
            String nationality,
            AddressView address,
            Map<String, String> customFields) {}

    /** @return rows for the candidates, with one query for all their exports */
    public List<Row> rows(List<StoredCandidate> page, MenuPlacement placement, User user) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ExportSummary>> latest =
                exports.latestFor(page.stream().map(StoredCandidate::id).toList());
        Function<Candidate, List<MenuEntry>> menusOfPage = placement == null ? null : menus.forPage(placement, user);
        return page.stream()
                .map(candidate ->
                        row(candidate, latest.getOrDefault(candidate.id(), List.of()), menu(candidate, menusOfPage)))
                .toList();
    }

    /** @return the candidate page */
    public Detail detail(StoredCandidate c, User user) {
        List<ExportSummary> summaries = exports.latestFor(List.of(c.id())).getOrDefault(c.id(), List.of());
        return new Detail(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.status().name(),
                new Ref(c.jobId(), c.jobName()),
                new Ref(c.stageId(), c.stageName()),
                summaries,
                menu(c, menus.forPage(MenuPlacement.CANDIDATE_PAGE, user)),
                c.phone(),
                c.hiredOn(),
                new OfferView(
                        c.offerJobTitle(), c.offerStartDate(), c.salaryAmount(), c.salaryCurrency(), c.salaryPeriod()),
                c.birthday(),
                c.nationality(),
                new AddressView(c.addressLine1(), c.addressLine2(), c.postalCode(), c.city(), c.state(), c.country()),
                new LinkedHashMap<>(c.customFields()));
    }

    private Row row(StoredCandidate c, List<ExportSummary> summaries, List<MenuEntry> menu) {
        return new Row(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.status().name(),
                new Ref(c.jobId(), c.jobName()),
                new Ref(c.stageId(), c.stageName()),
                summaries,
                menu);
    }

    private static List<MenuEntry> menu(StoredCandidate stored, Function<Candidate, List<MenuEntry>> menusOfPage) {
        if (menusOfPage == null) {
            return List.of();
        }
        Candidate candidate;
        try {
            candidate = stored.toApiCandidate();
        } catch (IllegalArgumentException unreadable) {
            return List.of(); // a candidate too broken for plugins (e.g. malformed e-mail) gets no export menu
        }
        return menusOfPage.apply(candidate);
    }
}
