package com.hirerelay.host.mapping;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.ValueSource;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.integrations.IntegrationService;
import com.hirerelay.host.jobs.Job;
import com.hirerelay.host.jobs.JobRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits, previews and applies an integration's mapping rules. Which fields can be mapped, and to which
 * values, is read from the connector at the time: its draft for a sample hired candidate names the select
 * fields, its reference data their live choices. Rules are saved by value (the HR system's id) with the
 * label the admin chose, and checked against the live choices when they are saved and when they are
 * applied.
 *
 * <p>Thread-safe.
 */
public final class MappingService implements DraftRules {

    private static final Logger LOG = LoggerFactory.getLogger(MappingService.class);
    /** The most rules one integration may have: enough for every job of a large ATS, and bounded. */
    public static final int MAX_RULES = 2_000;

    private final MappingRuleRepository rules;
    private final IntegrationService integrations;
    private final JobRepository jobs;
    private final Clock clock;

    public MappingService(
            MappingRuleRepository rules, IntegrationService integrations, JobRepository jobs, Clock clock) {
        this.rules = rules;
        this.integrations = integrations;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public EmployeeDraft apply(
            String connectorId, Candidate candidate, EmployeeDraft draft, Supplier<ReferenceData> reference) {
        RuleBook book = rules.load(connectorId);
        if (book.isEmpty()) {
            return draft;
        }
        JobFacts job = factsOf(candidate);
        Supplier<ReferenceData> once = memoized(reference);
        List<DraftField> fields = new ArrayList<>();
        for (DraftField field : draft.fields()) {
            DraftField mapped = field;
            Optional<MappingRule> rule = book.ruleFor(field.key(), job);
            if (field.type() == DraftFieldType.SELECT && rule.isPresent() && mayFill(field, rule.get())) {
                if (offers(optionsOf(field, once.get()), rule.get().value())) {
                    mapped = field.withValue(rule.get().value(), RuleBook.sourceOf(rule.get(), job));
                } else {
                    LOG.warn(
                            "Mapping rule for field {} of {} sets {}, which the HR system no longer offers; the field"
                                    + " is left as the connector drafted it for candidate {}",
                            field.key(),
                            connectorId,
                            rule.get().value(),
                            candidate.id());
                }
            }
            if (book.requires(field.key()) && !mapped.required()) {
                mapped = mapped.asRequired();
            }
            fields.add(mapped);
        }
        return new EmployeeDraft(draft.candidateId(), fields);
    }

    /**
     * A rule fills an empty field and overrides the connect form's default (rules are the finer tool); a
     * default of the rules fills only an empty field. Values from the candidate always win.
     */
    private static boolean mayFill(DraftField field, MappingRule rule) {
        if (!field.hasValue()) {
            return true;
        }
        return rule.matchOn() != MatchOn.DEFAULT
                && field.source() != null
                && field.source().origin() == ValueSource.Origin.ADMIN_DEFAULT;
    }

    /** @return the rules editor for a connected integration */
    public MappingViews.Editor editor(String connectorId) {
        Sample sample = sample(connectorId);
        RuleBook book = rules.load(connectorId);
        List<JobRepository.JobSummary> allJobs = jobs.list();
        List<MappingViews.Rule> views = new ArrayList<>();
        for (MappingRule rule : book.rules()) {
            List<SelectOption> options = sample.field(rule.fieldKey())
                    .map(field -> optionsOf(field, sample.reference()))
                    .orElse(List.of());
            Optional<SelectOption> now = options.stream()
                    .filter(option -> option.value().equals(rule.value()))
                    .findFirst();
            views.add(new MappingViews.Rule(
                    rule.fieldKey(),
                    rule.matchOn(),
                    rule.matchValue(),
                    matchLabel(rule, allJobs),
                    rule.value(),
                    now.map(SelectOption::label).orElse(rule.valueLabel()),
                    now.isPresent()));
        }
        List<MappingViews.Field> fields = sample.draft().fields().stream()
                .map(field -> {
                    List<SelectOption> options =
                            mappable(field, sample.reference()) ? optionsOf(field, sample.reference()) : List.of();
                    return new MappingViews.Field(
                            field.key(),
                            field.label(),
                            field.type().name(),
                            field.required(),
                            book.requires(field.key()),
                            !options.isEmpty(),
                            options);
                })
                .toList();
        return new MappingViews.Editor(
                connectorId,
                fields,
                views,
                allJobs.stream().map(MappingService::jobOption).toList(),
                distinct(allJobs.stream()
                        .map(JobRepository.JobSummary::department)
                        .toList()),
                distinct(
                        allJobs.stream().map(JobRepository.JobSummary::location).toList()));
    }

    /**
     * Replaces the integration's rules, all or nothing.
     *
     * @throws RequestRefusedException {@link Reason#VALIDATION_FAILED} with a field error per wrong input
     *     ({@code rules[2].value}, {@code requiredFields[0]}); nothing is saved then
     */
    public MappingViews.Editor save(String connectorId, MappingViews.Save submitted, User user) {
        Sample sample = sample(connectorId);
        RuleBook book = validated(submitted, sample);
        rules.replace(connectorId, book, user.name(), clock.instant());
        LOG.info(
                "Mapping rules of {} replaced by user {}: {} rule(s), {} required field(s)",
                connectorId,
                user.id(),
                book.rules().size(),
                book.requiredFields().size());
        return editor(connectorId);
    }

    /**
     * What the ATS's hired candidates would get under the submitted (not yet saved) rules, per job.
     *
     * @throws RequestRefusedException as {@link #save}
     */
    public MappingViews.Preview preview(String connectorId, MappingViews.Save submitted) {
        Sample sample = sample(connectorId);
        RuleBook book = validated(submitted, sample);
        long total = 0;
        long needReview = 0;
        List<MappingViews.PreviewGroup> groups = new ArrayList<>();
        for (JobRepository.JobSummary summary : jobs.list()) {
            if (summary.hiredCount() == 0) {
                continue;
            }
            JobFacts job = new JobFacts(summary.id(), summary.name(), summary.department(), summary.location());
            List<MappingViews.PreviewValue> values = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (DraftField field : sample.draft().fields()) {
                Optional<MappingRule> rule = book.ruleFor(field.key(), job);
                boolean mustFill = field.required() || book.requires(field.key());
                if (rule.isPresent() && mappable(field, sample.reference())) {
                    String label = optionsOf(field, sample.reference()).stream()
                            .filter(option -> option.value().equals(rule.get().value()))
                            .map(SelectOption::label)
                            .findFirst()
                            .orElse(rule.get().valueLabel());
                    values.add(new MappingViews.PreviewValue(
                            field.key(),
                            field.label(),
                            rule.get().value(),
                            label,
                            RuleBook.sourceOf(rule.get(), job).label()));
                } else if (mustFill && mappable(field, sample.reference()) && !field.hasValue()) {
                    missing.add(field.label());
                }
            }
            total += summary.hiredCount();
            if (!missing.isEmpty()) {
                needReview += summary.hiredCount();
            }
            groups.add(new MappingViews.PreviewGroup(
                    summary.hiredCount(), jobOption(summary), values, missing, sentence(summary, values, missing)));
        }
        String overall = total + " hired " + (total == 1 ? "candidate" : "candidates") + ": "
                + (total - needReview) + " would get every field that must be filled"
                + (needReview == 0 ? "." : ", " + needReview + " would need review.");
        return new MappingViews.Preview(total, needReview, overall, groups);
    }

    private static String sentence(
            JobRepository.JobSummary job, List<MappingViews.PreviewValue> values, List<String> missing) {
        StringBuilder text = new StringBuilder()
                .append(job.hiredCount())
                .append(job.hiredCount() == 1 ? " hired candidate" : " hired candidates")
                .append(" of ")
                .append(job.name())
                .append(" would get: ");
        text.append(
                values.isEmpty()
                        ? "nothing from the rules"
                        : String.join(
                                ", ",
                                values.stream()
                                        .map(value -> value.label() + " " + value.valueLabel())
                                        .toList()));
        if (!missing.isEmpty()) {
            text.append("; needs review: ").append(String.join(", ", missing)).append(" empty");
        }
        return text.toString();
    }

    private RuleBook validated(MappingViews.Save submitted, Sample sample) {
        List<MappingViews.RuleInput> inputs =
                submitted == null || submitted.rules() == null ? List.of() : submitted.rules();
        List<String> required =
                submitted == null || submitted.requiredFields() == null ? List.of() : submitted.requiredFields();
        if (inputs.size() > MAX_RULES) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST, "An integration takes at most " + MAX_RULES + " mapping rules.");
        }
        Set<Long> jobIds = new HashSet<>();
        jobs.list().forEach(job -> jobIds.add(job.id()));
        List<FieldError> errors = new ArrayList<>();
        List<MappingRule> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            MappingViews.RuleInput input = inputs.get(i);
            String at = "rules[" + i + "]";
            if (input == null) {
                errors.add(new FieldError(at, "Each rule needs a field, a condition and a value."));
                continue;
            }
            Optional<DraftField> field = Optional.ofNullable(input.field()).flatMap(sample::field);
            if (field.isEmpty() || !mappable(field.get(), sample.reference())) {
                errors.add(new FieldError(at + ".field", "Choose one of the choice fields of this integration."));
                continue;
            }
            MatchOn matchOn = parse(input.matchOn());
            if (matchOn == null) {
                errors.add(new FieldError(at + ".matchOn", "Choose job, department, location or default."));
                continue;
            }
            String matchValue =
                    input.matchValue() == null ? "" : input.matchValue().strip();
            if (matchOn != MatchOn.DEFAULT && matchValue.isEmpty()) {
                errors.add(new FieldError(at + ".matchValue", "Say which " + matchOn.words() + " the rule is for."));
                continue;
            }
            if (matchOn == MatchOn.JOB && !isJob(matchValue, jobIds)) {
                errors.add(new FieldError(at + ".matchValue", "Choose one of the ATS's jobs."));
                continue;
            }
            Optional<SelectOption> option = optionsOf(field.get(), sample.reference()).stream()
                    .filter(choice -> choice.value().equals(input.value()))
                    .findFirst();
            if (option.isEmpty()) {
                errors.add(new FieldError(
                        at + ".value",
                        "Choose one of the " + field.get().label().toLowerCase(Locale.ROOT)
                                + " values the HR system offers."));
                continue;
            }
            String identity = field.get().key() + "\u0000" + matchOn + "\u0000" + matchValue.toLowerCase(Locale.ROOT);
            if (!seen.add(identity)) {
                errors.add(new FieldError(
                        at + ".matchValue",
                        matchOn == MatchOn.DEFAULT
                                ? field.get().label() + " has two defaults; keep one."
                                : field.get().label() + " has two rules for the same " + matchOn.words()
                                        + "; keep one."));
                continue;
            }
            valid.add(new MappingRule(
                    field.get().key(),
                    matchOn,
                    matchValue,
                    option.get().value(),
                    option.get().label()));
        }
        Set<String> requiredFields = new LinkedHashSet<>();
        for (int i = 0; i < required.size(); i++) {
            String key = required.get(i);
            if (key == null || sample.field(key).isEmpty()) {
                errors.add(new FieldError("requiredFields[" + i + "]", "This integration has no such field."));
            } else {
                requiredFields.add(key);
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED, "Some rules need a change; nothing was saved.", errors);
        }
        return new RuleBook(valid, requiredFields);
    }

    private static boolean isJob(String value, Set<Long> jobIds) {
        try {
            return jobIds.contains(Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static MatchOn parse(String matchOn) {
        if (matchOn == null) {
            return null;
        }
        try {
            return MatchOn.valueOf(matchOn.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private JobFacts factsOf(Candidate candidate) {
        if (candidate.jobId() == null) {
            return JobFacts.NONE;
        }
        try {
            Optional<Job> job = jobs.find(Long.parseLong(candidate.jobId()));
            return job.map(found -> new JobFacts(found.id(), found.name(), found.department(), found.location()))
                    .orElse(JobFacts.NONE);
        } catch (NumberFormatException notOurs) {
            return JobFacts.NONE;
        }
    }

    private static String matchLabel(MappingRule rule, List<JobRepository.JobSummary> allJobs) {
        if (rule.matchOn() == MatchOn.JOB) {
            return allJobs.stream()
                    .filter(job -> String.valueOf(job.id()).equals(rule.matchValue()))
                    .map(JobRepository.JobSummary::name)
                    .findFirst()
                    .orElse("A removed job");
        }
        return rule.matchOn() == MatchOn.DEFAULT ? "Any candidate" : rule.matchValue();
    }

    private static MappingViews.JobOption jobOption(JobRepository.JobSummary job) {
        return new MappingViews.JobOption(job.id(), job.name(), job.department(), job.location());
    }

    private static List<String> distinct(List<String> names) {
        TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .forEach(sorted::add);
        return List.copyOf(sorted);
    }

    private static boolean mappable(DraftField field, ReferenceData reference) {
        return field.type() == DraftFieldType.SELECT
                && !optionsOf(field, reference).isEmpty();
    }

    private static List<SelectOption> optionsOf(DraftField field, ReferenceData reference) {
        return field.referenceList() != null ? reference.options(field.referenceList()) : field.options();
    }

    private static boolean offers(List<SelectOption> options, String value) {
        return options.stream().anyMatch(option -> option.value().equals(value));
    }

    /**
     * The connector's draft for a made-up hired candidate and its live reference data: which fields exist,
     * which are selects, and their choices. Building a draft looks up and creates nothing in the HR system.
     */
    private Sample sample(String connectorId) {
        HrisConnection connection = integrations.connection(connectorId);
        Candidate sample = new Candidate(
                "mapping-sample",
                "Sample",
                "Candidate",
                "sample.candidate@example.com",
                null,
                CandidateStatus.HIRED,
                null,
                null,
                null,
                LocalDate.now(clock),
                null,
                null,
                null,
                null,
                Map.of());
        EmployeeDraft draft = connection.draftFor(sample);
        return new Sample(draft, connection.referenceData());
    }

    private record Sample(EmployeeDraft draft, ReferenceData reference) {
        Optional<DraftField> field(String key) {
            return draft.field(key);
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }
}
