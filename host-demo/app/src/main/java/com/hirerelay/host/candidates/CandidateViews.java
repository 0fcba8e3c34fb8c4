package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.User;
import java.util.EnumMap;
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
    private final ExportBaselines baselines;

    public CandidateViews(VisibleMenus menus, ExportSummaries exports, ExportBaselines baselines) {
        this.menus = menus;
        this.exports = exports;
        this.baselines = baselines;
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
            List<MenuEntry> menu,
            List<ChangedSinceExport> changedSinceExport) {}

    /** The offer part of a candidate page. */
    public record OfferView(
            String jobTitle, String startDate, String salaryAmount, String salaryCurrency, String salaryPeriod) {}

    /** The address part of a candidate page. */
    public record AddressView(
            String line1, String line2, String postalCode, String city, String state, String country) {}

    /**
     * The candidate page.
     *
     * @param untrackedExports the display names of the HR systems the candidate was sent to before the host kept
     *     what it sent (no baseline): whether it changed since cannot be told there, and the page says so
     */
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
            Map<String, String> customFields,
            List<ChangedSinceExport> changedSinceExport,
            List<String> untrackedExports) {}

    /** @return rows for the candidates, with one query for all their exports */
    public List<Row> rows(List<StoredCandidate> page, MenuPlacement placement, User user) {
        return rowsAt(page, candidate -> placement, user);
    }

    /**
     * Rows for candidates shown at different placements on one page (a pipeline's columns), with one query for all
     * their exports rather than one per placement.
     *
     * @param placementOf where each candidate's menu is rendered; null for no menu
     * @return the rows, in the order of {@code page}
     */
    public List<Row> rowsAt(
            List<StoredCandidate> page, Function<StoredCandidate, MenuPlacement> placementOf, User user) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(StoredCandidate::id).toList();
        Map<Long, List<ExportSummary>> latest = exports.latestFor(ids);
        Map<Long, Map<String, Map<String, String>>> sent = baselines.baselinesFor(ids);
        Map<MenuPlacement, Function<Candidate, List<MenuEntry>>> menusByPlacement = new EnumMap<>(MenuPlacement.class);
        return page.stream()
                .map(candidate -> {
                    MenuPlacement placement = placementOf.apply(candidate);
                    Function<Candidate, List<MenuEntry>> menusOfPage = placement == null
                            ? null
                            : menusByPlacement.computeIfAbsent(placement, at -> menus.forPage(at, user));
                    List<ExportSummary> summaries = latest.getOrDefault(candidate.id(), List.of());
                    return row(
                            candidate,
                            summaries,
                            menu(candidate, menusOfPage),
                            changed(candidate, summaries, sent.getOrDefault(candidate.id(), Map.of())));
                })
                .toList();
    }

    /** @return the candidate page */
    public Detail detail(StoredCandidate c, User user) {
        List<ExportSummary> summaries = exports.latestFor(List.of(c.id())).getOrDefault(c.id(), List.of());
        Map<String, Map<String, String>> sent =
                baselines.baselinesFor(List.of(c.id())).getOrDefault(c.id(), Map.of());
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
                new LinkedHashMap<>(c.customFields()),
                changed(c, summaries, sent),
                summaries.stream()
                        .filter(summary -> !sent.containsKey(summary.connectorId()))
                        .map(ExportSummary::connectorName)
                        .toList());
    }

    /**
     * Per connector the candidate was sent with, the facts that differ from what was sent last; connectors with
     * no difference (or no recorded baseline) are left out.
     */
    private static List<ChangedSinceExport> changed(
            StoredCandidate stored, List<ExportSummary> summaries, Map<String, Map<String, String>> sent) {
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<String, String> now;
        try {
            now = CandidateFacts.of(stored.toApiCandidate());
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        List<ChangedSinceExport> changes = new java.util.ArrayList<>();
        for (ExportSummary summary : summaries) {
            Map<String, String> baseline = sent.get(summary.connectorId());
            if (baseline != null) {
                List<String> fields = CandidateFacts.changed(baseline, now);
                if (!fields.isEmpty()) {
                    changes.add(new ChangedSinceExport(summary.connectorId(), summary.connectorName(), fields));
                }
            }
        }
        return changes;
    }

    private Row row(
            StoredCandidate c, List<ExportSummary> summaries, List<MenuEntry> menu, List<ChangedSinceExport> changed) {
        return new Row(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.status().name(),
                new Ref(c.jobId(), c.jobName()),
                new Ref(c.stageId(), c.stageName()),
                summaries,
                menu,
                changed);
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
