package com.hirerelay.factorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.PossibleMatchException;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.factorial.connector.FactorialConnector;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit's match checks catch broken match handling: {@link HrisMatchContract} runs against the Factorial
 * connector broken in one way each (the only connector here that tells a possible match from the same
 * person), and must fail the test of the rule each variant breaks. The unbroken connector passing the same
 * checks is {@link FactorialMatchContractTest}.
 */
class MatchBrokenVariantsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void theMatchChecksFailTheRuleTheVariantBreaks(Variant variant) {
        TestExecutionSummary summary = runMatchChecksAgainst(variant);

        List<String> failedTests = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getSource())
                .flatMap(Optional::stream)
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .toList();
        String failures = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": "
                        + failure.getException().getMessage())
                .collect(Collectors.joining("\n"));
        assertThat(summary.getTestsSucceededCount() + summary.getTestsFailedCount())
                .as("the match checks ran against %s", variant)
                .isGreaterThanOrEqualTo(7);
        assertThat(failedTests)
                .as("the match checks must fail %s in %s; they failed:\n%s", variant, variant.brokenRule, failures)
                .contains(variant.brokenRule);
    }

    private static TestExecutionSummary runMatchChecksAgainst(Variant variant) {
        VariantContract.variant = variant;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(VariantContract.class))
                    .build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request, listener);
            return listener.getSummary();
        } finally {
            VariantContract.variant = null;
        }
    }

    /** Factorial's match handling, broken in one way each. */
    enum Variant {
        /** Links a possible match without asking anyone. */
        LINKS_A_POSSIBLE_MATCH_SILENTLY("aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new Forwarding(real) {
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
        FINDS_A_POSSIBLE_MATCH_AS_EXISTING("theCandidatesEmailUnderAnotherNameIsAPossibleMatch") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new Forwarding(real) {
                    @Override
                    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                        return real.findMatch(draft).map(EmployeeMatch::employee);
                    }
                };
            }
        },
        /** Stops at a possible match without carrying it, so nobody can be shown whom it found. */
        STOPS_WITHOUT_THE_MATCH("aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new Forwarding(real) {
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
        LINKS_WHATEVER_IT_IS_TOLD("aDecisionAboutAnEmployeeThePersonWasNotShownLinksNothing") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new Forwarding(real) {
                    @Override
                    public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
                        if (decision != null && decision.choice() == MatchDecision.Choice.LINK) {
                            return new ExportResult(
                                    com.hirerelay.api.hris.ExportOutcome.ALREADY_EXISTS,
                                    decision.employeeId(),
                                    null,
                                    List.of());
                        }
                        return real.export(draft, decision);
                    }
                };
            }
        },
        /** Ignores "Create new" and stops at the same possible match again. */
        IGNORES_CREATE_NEW("createNewAndLinkAreApplied") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new Forwarding(real) {
                    @Override
                    public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
                        return decision != null && decision.choice() == MatchDecision.Choice.CREATE_NEW
                                ? real.export(draft)
                                : real.export(draft, decision);
                    }
                };
            }
        };

        private final String brokenRule;

        Variant(String brokenRule) {
            this.brokenRule = brokenRule;
        }

        abstract HrisConnection broken(HrisConnection real);
    }

    /** The match checks against the variant; run only through {@link #runMatchChecksAgainst}. */
    static class VariantContract extends FactorialMatchContractTest {

        static volatile Variant variant;

        @Override
        protected HrisConnector connector() {
            HrisConnector real = new FactorialConnector();
            Variant broken = variant;
            return new HrisConnector() {
                @Override
                public ConnectorInfo info() {
                    return real.info();
                }

                @Override
                public HrisConnection open(ConnectionSettings settings) {
                    return broken.broken(real.open(settings));
                }
            };
        }
    }

    /** A connection that passes every call through; each variant overrides what it breaks. */
    private static class Forwarding implements HrisConnection {
        private final HrisConnection real;

        Forwarding(HrisConnection real) {
            this.real = real;
        }

        @Override
        public ConnectedAccount verify() {
            return real.verify();
        }

        @Override
        public ReferenceData referenceData() {
            return real.referenceData();
        }

        @Override
        public EmployeeDraft draftFor(Candidate candidate) {
            return real.draftFor(candidate);
        }

        @Override
        public List<FieldError> validate(EmployeeDraft draft) {
            return real.validate(draft);
        }

        @Override
        public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
            return real.findExisting(draft);
        }

        @Override
        public Optional<EmployeeMatch> findMatch(EmployeeDraft draft) {
            return real.findMatch(draft);
        }

        @Override
        public ExportResult export(EmployeeDraft draft) {
            return real.export(draft);
        }

        @Override
        public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
            return real.export(draft, decision);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
