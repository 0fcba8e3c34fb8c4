package com.hirerelay.factorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.ValidationFailedException;
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
import com.hirerelay.api.testkit.ContractRun;
import com.hirerelay.api.testkit.ForwardingHrisConnection;
import com.hirerelay.factorial.connector.FactorialConnector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        ContractRun run = runMatchChecksAgainst(variant);

        assertThat(run.testsRun())
                .as("the match checks ran against %s", variant)
                .isGreaterThanOrEqualTo(7);
        assertThat(run.failedTests())
                .as(
                        "the match checks must fail %s in %s; they failed:\n%s",
                        variant, variant.brokenRule, run.failures())
                .contains(variant.brokenRule);
    }

    private static ContractRun runMatchChecksAgainst(Variant variant) {
        VariantContract.variant = variant;
        try {
            return ContractRun.of(VariantContract.class);
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
        FINDS_A_POSSIBLE_MATCH_AS_EXISTING("theCandidatesEmailUnderAnotherNameIsAPossibleMatch") {
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
        STOPS_WITHOUT_THE_MATCH("aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport") {
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
        LINKS_WHATEVER_IT_IS_TOLD("aDecisionAboutAnEmployeeThePersonWasNotShownLinksNothing") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new ForwardingHrisConnection(real) {
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
                return new ForwardingHrisConnection(real) {
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
}
