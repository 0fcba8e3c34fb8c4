package com.hirerelay.factorial;

import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateOutcome;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.PossibleMatchException;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.testkit.ForwardingHrisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Factorial's connection broken in one way each, with the kit test that must fail for it and the contract that
 * test belongs to: {@link FactorialBrokenVariantsTest} runs the contract against each.
 */
enum BrokenVariant {
    /** Reports a default wait of its own when Factorial announced none. */
    INVENTS_A_WAIT(Contract.PLUGIN, "aRateLimitWithoutAnAnnouncedWaitInventsNone") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return translating(
                    real,
                    failure -> failure instanceof RateLimitedException limited
                            ? new RateLimitedException(
                                    limited.getMessage(), limited.retryAfter().orElse(Duration.ofSeconds(60)), limited)
                            : failure);
        }
    },
    /** Takes Factorial at its word and sleeps through a wait of an hour or more before verifying again. */
    SLEEPS_THROUGH_A_LONG_RATE_LIMIT(Contract.PLUGIN, "aRateLimitAskingForAWaitBeyondTheHostsLimitIsReportedAtOnce") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ConnectedAccount verify() {
                    while (true) {
                        try {
                            return real.verify();
                        } catch (RateLimitedException limited) {
                            Duration wait = limited.retryAfter().orElse(Duration.ZERO);
                            if (wait.compareTo(Duration.ofHours(1)) < 0) {
                                throw limited;
                            }
                            try {
                                Thread.sleep(wait.toMillis());
                            } catch (InterruptedException abandoned) {
                                Thread.currentThread().interrupt();
                                throw limited;
                            }
                        }
                    }
                }
            };
        }
    },
    /** Reports a retired API version as an outage, which a host retries instead of asking an admin. */
    TAKES_A_RETIRED_VERSION_FOR_AN_OUTAGE(Contract.PLUGIN, "aRetiredApiVersionIsApiVersionUnavailable") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return translating(
                    real,
                    failure -> failure instanceof ApiVersionUnavailableException gone
                            ? new RemoteUnavailableException("Factorial is unavailable", gone)
                            : failure);
        }
    },
    /** Keeps the first reference lists it read for as long as the connection lives. */
    CACHES_REFERENCE_DATA_FOREVER(Contract.PLUGIN, "cachedReferenceDataIsReadAgainOnceOlderThanTheMaxAge") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                private ReferenceData kept;

                @Override
                public synchronized ReferenceData referenceData() {
                    if (kept == null) {
                        kept = real.referenceData();
                    }
                    return kept;
                }
            };
        }
    },
    /** Fills a select nobody chose with the only choice its list offers. */
    PRESELECTS_THE_ONLY_CHOICE(Contract.PLUGIN, "aSelectWithASingleChoiceIsNotPreselected") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public EmployeeDraft draftFor(Candidate candidate) {
                    EmployeeDraft draft = real.draftFor(candidate);
                    ReferenceData reference = real.referenceData();
                    Map<String, String> onlyChoices = new HashMap<>();
                    for (DraftField field : draft.fields()) {
                        if (field.type() == DraftFieldType.SELECT
                                && field.referenceList() != null
                                && !field.hasValue()
                                && reference.options(field.referenceList()).size() == 1) {
                            onlyChoices.put(
                                    field.key(),
                                    reference
                                            .options(field.referenceList())
                                            .get(0)
                                            .value());
                        }
                    }
                    return draft.withValues(onlyChoices);
                }
            };
        }
    },
    /** Refuses with a summary of its own, dropping what Factorial said about a field the draft does not have. */
    DROPS_AN_UNTRANSLATED_REFUSAL(
            Contract.PLUGIN, "aRefusalNamingAFieldTheConnectorCannotTranslateKeepsTheFieldInTheMessage") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (ValidationFailedException refused) {
                        throw new ValidationFailedException("Factorial refused the employee", refused.fieldErrors());
                    }
                }
            };
        }
    },
    /** Links a possible match without asking anyone. */
    LINKS_A_POSSIBLE_MATCH_SILENTLY(Contract.MATCH, "aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (PossibleMatchException possible) {
                        return ExportResult.alreadyExists(possible.match().employee());
                    }
                }
            };
        }
    },
    /** Lets the duplicate check return a possible match, which an export would link. */
    FINDS_A_POSSIBLE_MATCH_AS_EXISTING(Contract.MATCH, "theCandidatesEmailUnderAnotherNameIsAPossibleMatch") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                    return real.findMatch(draft).map(EmployeeMatch::employee);
                }
            };
        }
    },
    /** Stops at a possible match without carrying it, so nobody can be shown whom it found. */
    STOPS_WITHOUT_THE_MATCH(Contract.MATCH, "aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (PossibleMatchException possible) {
                        throw new ValidationFailedException(possible.getMessage(), List.of(), possible);
                    }
                }
            };
        }
    },
    /** Links whatever employee a decision names, shown to the person or not. */
    LINKS_WHATEVER_IT_IS_TOLD(Contract.MATCH, "aDecisionAboutAnEmployeeThePersonWasNotShownLinksNothing") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
                    if (decision != null && decision.choice() == MatchDecision.Choice.LINK) {
                        return new ExportResult(ExportOutcome.ALREADY_EXISTS, decision.employeeId(), null, List.of());
                    }
                    return real.export(draft, decision);
                }
            };
        }
    },
    /** Ignores "Create new" and stops at the same possible match again. */
    IGNORES_CREATE_NEW(Contract.MATCH, "createNewAndLinkAreApplied") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
                    return decision != null && decision.choice() == MatchDecision.Choice.CREATE_NEW
                            ? real.export(draft)
                            : real.export(draft, decision);
                }
            };
        }
    },
    /** Reports every change as updated without sending it. */
    CLAIMS_AN_UPDATE_IT_DID_NOT_SEND(
            Contract.PLUGIN, "theUpdateCapabilityChangesExactlyTheChosenFieldOrIsRefusedWhenUndeclared") {
        @Override
        HrisConnection broken(HrisConnection real) {
            return new ForwardingHrisConnection(real) {
                @Override
                public UpdateResult update(
                        String employeeId, EmployeeDraft draft, List<FieldChange> changes, UpdateOptions options) {
                    return new UpdateResult(
                            employeeId,
                            changes.stream()
                                    .map(change -> FieldUpdateOutcome.updated(change.key()))
                                    .toList());
                }
            };
        }
    };

    /** The kit contract whose test catches a variant. */
    enum Contract {
        /** {@link com.hirerelay.api.testkit.HrisPluginContract}. */
        PLUGIN,
        /** {@link com.hirerelay.api.testkit.HrisMatchContract}. */
        MATCH
    }

    private final Contract contract;
    private final String brokenRule;

    BrokenVariant(Contract contract, String brokenRule) {
        this.contract = contract;
        this.brokenRule = brokenRule;
    }

    Contract contract() {
        return contract;
    }

    /** @return the kit test that must fail for this variant */
    String brokenRule() {
        return brokenRule;
    }

    /** @return the real connection, broken in this variant's way */
    abstract HrisConnection broken(HrisConnection real);

    /** A connection whose five remote methods report failures translated, the rest passed through. */
    private static HrisConnection translating(HrisConnection real, UnaryOperator<RuntimeException> translate) {
        return new ForwardingHrisConnection(real) {
            @Override
            public ConnectedAccount verify() {
                return translated(real::verify);
            }

            @Override
            public ReferenceData referenceData() {
                return translated(real::referenceData);
            }

            @Override
            public EmployeeDraft draftFor(Candidate candidate) {
                return translated(() -> real.draftFor(candidate));
            }

            @Override
            public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                return translated(() -> real.findExisting(draft));
            }

            @Override
            public ExportResult export(EmployeeDraft draft) {
                return translated(() -> real.export(draft));
            }

            private <T> T translated(Supplier<T> call) {
                try {
                    return call.get();
                } catch (RuntimeException failure) {
                    throw translate.apply(failure);
                }
            }
        };
    }
}
