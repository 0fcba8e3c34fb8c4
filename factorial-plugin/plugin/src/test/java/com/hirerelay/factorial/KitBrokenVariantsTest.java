package com.hirerelay.factorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateOutcome;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.testkit.ContractRun;
import com.hirerelay.api.testkit.ForwardingHrisConnection;
import com.hirerelay.factorial.connector.FactorialConnector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit catches broken rules that the folder example cannot break, because a folder has no rate limits:
 * {@link com.hirerelay.api.testkit.HrisPluginContract} runs against the Factorial connector broken in one way
 * each and must fail the test of the rule each variant breaks. The unbroken connector passing the same kit
 * is {@link FactorialContractTest}; the other broken variants are the folder example's
 * {@code BrokenVariantsTest}.
 */
class KitBrokenVariantsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void theKitFailsTheRuleTheVariantBreaks(Variant variant) {
        VariantContract.variant = variant;
        ContractRun run;
        try {
            run = ContractRun.of(VariantContract.class);
        } finally {
            VariantContract.variant = null;
        }

        assertThat(run.testsRun())
                .as("the kit ran its tests against %s", variant)
                .isGreaterThan(30);
        assertThat(run.failedTests())
                .as("the kit must fail %s in %s; it failed:\n%s", variant, variant.brokenRule, run.failures())
                .contains(variant.brokenRule);
    }

    /** Factorial's connection, broken in one way each. */
    enum Variant {
        /** Reports a default wait of its own when Factorial announced none. */
        INVENTS_A_WAIT("aRateLimitWithoutAnAnnouncedWaitInventsNone") {
            @Override
            HrisConnection broken(HrisConnection real) {
                return new ForwardingHrisConnection(real) {
                    @Override
                    public ConnectedAccount verify() {
                        return withAWait(real::verify);
                    }

                    @Override
                    public ReferenceData referenceData() {
                        return withAWait(real::referenceData);
                    }

                    @Override
                    public EmployeeDraft draftFor(Candidate candidate) {
                        return withAWait(() -> real.draftFor(candidate));
                    }

                    @Override
                    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                        return withAWait(() -> real.findExisting(draft));
                    }

                    @Override
                    public ExportResult export(EmployeeDraft draft) {
                        return withAWait(() -> real.export(draft));
                    }
                };
            }

            private <T> T withAWait(Supplier<T> call) {
                try {
                    return call.get();
                } catch (RateLimitedException limited) {
                    throw new RateLimitedException(
                            limited.getMessage(), limited.retryAfter().orElse(Duration.ofSeconds(60)), limited);
                }
            }
        },

        /** Reports every change as updated without sending it. */
        CLAIMS_AN_UPDATE_IT_DID_NOT_SEND("theUpdateCapabilityChangesExactlyTheChosenFieldOrIsRefusedWhenUndeclared") {
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

        private final String brokenRule;

        Variant(String brokenRule) {
            this.brokenRule = brokenRule;
        }

        abstract HrisConnection broken(HrisConnection real);
    }

    /** The kit against the variant; run only through {@link ContractRun}. */
    static class VariantContract extends FactorialContractTest {

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
