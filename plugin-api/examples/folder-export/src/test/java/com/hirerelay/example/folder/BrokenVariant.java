package com.hirerelay.example.folder;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.settings.SettingFieldType;
import com.hirerelay.api.testkit.ForwardingHrisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The example connector, broken on purpose in one way each: the kit must fail every one of these, in the
 * test that checks the broken rule. Each variant changes the real connector as little as it can.
 */
enum BrokenVariant {
    /** Creates first and only looks when the create collides. */
    CREATES_BEFORE_LOOKING("anExportLooksForTheEmployeeBeforeCreatingIt") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    requireValid(real, draft);
                    String file = fileFor(draft, true);
                    try {
                        store.createNew(file, "{\"first_name\":\"x\",\"last_name\":\"y\"}");
                    } catch (FileAlreadyExistsException exists) {
                        return ExportResult.alreadyExists(
                                real.findExisting(draft).orElseThrow());
                    } catch (IOException e) {
                        throw new RemoteUnavailableException("Could not write", e);
                    }
                    return new ExportResult(ExportOutcome.CREATED, file, null, List.of());
                }
            };
        }
    },
    /** Declares documents but copies a document again on every call, under a new name. */
    UPLOADS_A_DOCUMENT_TWICE("theDocumentsCapabilityUploadsADocumentOnceOrIsRefusedWhenUndeclared") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public com.hirerelay.api.hris.UploadedDocument uploadDocument(
                        String employeeId, com.hirerelay.api.hris.CandidateDocument document) {
                    String path = employeeId.replaceFirst("\\.json$", "") + ".documents/" + java.util.UUID.randomUUID()
                            + ".pdf";
                    try (java.io.InputStream bytes = document.content().open()) {
                        store.copyNew(path, bytes);
                    } catch (IOException e) {
                        throw new RemoteUnavailableException("Could not copy", e);
                    }
                    return new com.hirerelay.api.hris.UploadedDocument(path, false);
                }
            };
        }
    },
    /** Sends a create again when its answer was lost, without looking first. */
    REPEATS_A_LOST_CREATE("aCreateWhoseAnswerIsLostIsNeverRepeatedBlindly") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    requireValid(real, draft);
                    Optional<ExistingEmployee> existing = real.findExisting(draft);
                    if (existing.isPresent()) {
                        return ExportResult.alreadyExists(existing.get());
                    }
                    String file = fileFor(draft, true);
                    String body = "{\"first_name\":\"x\",\"last_name\":\"y\"}";
                    try {
                        try {
                            store.createNew(file, body);
                        } catch (FileAlreadyExistsException e) {
                            throw e;
                        } catch (IOException lost) {
                            store.createNew(file, body);
                        }
                    } catch (FileAlreadyExistsException exists) {
                        return ExportResult.alreadyExists(
                                real.findExisting(draft).orElseThrow());
                    } catch (IOException e) {
                        throw new RemoteUnavailableException("Could not write", e);
                    }
                    return new ExportResult(ExportOutcome.CREATED, file, null, List.of());
                }
            };
        }
    },
    /** Settles a lost answer by a look-up but does not say so in the result. */
    HIDES_A_SETTLED_OUTCOME("aCreateWhoseAnswerIsLostIsNeverRepeatedBlindly") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    ExportResult result = real.export(draft);
                    return new ExportResult(result.outcome(), result.employeeId(), result.link(), result.warnings());
                }
            };
        }
    },
    /** Reports "nothing was created" when it cannot tell whether the create went through. */
    CLAIMS_NOTHING_WAS_CREATED("aCreateThatMayHaveWorkedButCannotBeConfirmedIsOutcomeUnknown") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (com.hirerelay.api.ExportOutcomeUnknownException unknown) {
                        throw new RemoteUnavailableException("Could not write; nothing was created", unknown);
                    }
                }
            };
        }
    },
    /** Exports without validating, so an invalid draft reaches the folder. */
    SENDS_INVALID_DRAFTS("anEmptyDraftIsRefusedWithFieldErrorsNamingDraftFieldsBeforeAnythingIsSent") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    String file = fileFor(draft, true);
                    try {
                        store.createNew(file, "{\"first_name\":\"x\",\"last_name\":\"y\"}");
                    } catch (IOException e) {
                        throw new RemoteUnavailableException("Could not write", e);
                    }
                    return real.export(draft);
                }
            };
        }
    },
    /** Names an error by a key the draft does not have. */
    VALIDATES_WITH_UNKNOWN_KEYS("anEmptyDraftIsRefusedWithFieldErrorsNamingDraftFieldsBeforeAnythingIsSent") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public List<com.hirerelay.api.FieldError> validate(EmployeeDraft draft) {
                    return real.validate(draft).stream()
                            .map(error -> new FieldError(error.field().replace("_", "") + "_value", error.message()))
                            .toList();
                }
            };
        }
    },
    /** Maps the folder's refusal of the file name to a field the draft does not have. */
    WRONG_DRAFT_KEY_FOR_A_REFUSAL("aRefusalByTheHrSystemNamesTheDraftKeys") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (ValidationFailedException refused) {
                        throw new ValidationFailedException(
                                refused.getMessage(),
                                refused.fieldErrors().stream()
                                        .map(error -> new FieldError("file_name", error.message()))
                                        .toList());
                    }
                }
            };
        }
    },
    /** Lets an I/O failure of the look-up escape untyped. */
    UNTYPED_FAILURE("anOutageIsRemoteUnavailable") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                    try {
                        return store.read(fileFor(draft, true))
                                .map(text -> real.findExisting(draft).orElseThrow());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    },
    /** Looks the file up by the e-mail exactly as typed. */
    CASE_SENSITIVE_LOOK_UP("findExistingMatchesTheEmailCaseInsensitively") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                    String email = draft.value("email").orElse("");
                    return email.equals(email.toLowerCase(Locale.ROOT)) ? real.findExisting(draft) : Optional.empty();
                }
            };
        }
    },
    /** Says the folder is fine without looking at it. */
    VERIFIES_NOTHING("verifyingWorkingCredentialsNamesTheAccountWithOneReadAndNoEmployeeCalls") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ConnectedAccount verify() {
                    return new ConnectedAccount(settings.valueOr(FolderSettings.FOLDER, "folder"), null, Map.of());
                }
            };
        }
    },
    /** Puts the signing key into the connection's toString. */
    SECRET_IN_TO_STRING("noSecretShowsInToStringsOfWhatThePluginHandsBack") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public String toString() {
                    return "FolderConnection[" + settings.values() + "]";
                }
            };
        }
    },
    /** Logs the signing key at debug level through System.Logger. */
    SECRET_IN_A_LOG_LINE("exportingTwiceCreatesOneEmployeeAndLinksItTheSecondTime") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    System.getLogger("folder-export")
                            .log(
                                    System.Logger.Level.DEBUG,
                                    "Signing {0} with {1}",
                                    draft.candidateId(),
                                    settings.value(FolderSettings.SIGNING_KEY).orElse(""));
                    return real.export(draft);
                }
            };
        }
    },
    /** Quotes the signing key in the message of an exception. */
    SECRET_IN_AN_EXCEPTION_MESSAGE("anOutageIsRemoteUnavailable") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                    try {
                        return real.findExisting(draft);
                    } catch (RemoteUnavailableException e) {
                        throw new RemoteUnavailableException(
                                e.getMessage() + " (signed with " + settings.valueOr(FolderSettings.SIGNING_KEY, "")
                                        + ")",
                                e);
                    }
                }
            };
        }
    },
    /** Closing one connection closes every connection of the connector. */
    CLOSES_EVERY_ACCOUNT("severalConnectionsOfOneConnectorWorkSideBySideAndCloseIndependently") {
        private final AtomicBoolean closed = new AtomicBoolean();

        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            closed.set(false);
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    if (closed.get()) {
                        throw new RemoteUnavailableException("The folder connection is closed", null);
                    }
                    return real.export(draft);
                }

                @Override
                public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
                    if (closed.get()) {
                        throw new RemoteUnavailableException("The folder connection is closed", null);
                    }
                    return real.findExisting(draft);
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        }
    },
    /** Writes the start date the way people in some countries read it. */
    NON_ISO_DATE_IN_THE_DRAFT("aDraftFromAFullCandidateHasWellFormedValuesAndKnownChoices") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public EmployeeDraft draftFor(com.hirerelay.api.candidate.Candidate candidate) {
                    EmployeeDraft draft = real.draftFor(candidate);
                    List<DraftField> fields = new ArrayList<>();
                    for (DraftField field : draft.fields()) {
                        fields.add(
                                field.key().equals("start_date") && field.hasValue()
                                        ? field.withValue(field.value().substring(8) + "/"
                                                + field.value().substring(5, 7) + "/"
                                                + field.value().substring(0, 4))
                                        : field);
                    }
                    return new EmployeeDraft(draft.candidateId(), fields);
                }

                @Override
                public List<FieldError> validate(EmployeeDraft draft) {
                    List<FieldError> errors = new ArrayList<>(real.validate(draft));
                    errors.removeIf(error -> error.field().equals("start_date"));
                    return errors;
                }
            };
        }
    },
    /** Touches the folder when asked who it is. */
    IO_IN_INFO("constructingTheConnectorAndAskingItsInfoDoNoIoAndInfoIsConstant") {
        @Override
        HrisConnector connector(UnaryOperator<FolderStore> steer, Path folder) {
            HrisConnector connector = super.connector(steer, folder);
            return new HrisConnector() {
                @Override
                public ConnectorInfo info() {
                    try {
                        steer.apply(new LocalFolderStore(folder)).checkWritable();
                    } catch (IOException e) {
                        // A connector that probes here ignores the answer anyway.
                    }
                    return connector.info();
                }

                @Override
                public HrisConnection open(ConnectionSettings settings) {
                    return connector.open(settings);
                }
            };
        }
    },
    /** Checks that the folder is writable as soon as the connector is built. */
    IO_IN_THE_CONSTRUCTOR("constructingTheConnectorAndAskingItsInfoDoNoIoAndInfoIsConstant") {
        @Override
        HrisConnector connector(UnaryOperator<FolderStore> steer, Path folder) {
            try {
                steer.apply(new LocalFolderStore(folder)).checkWritable();
            } catch (IOException e) {
                // A connector that probes here reports nothing anyway.
            }
            return super.connector(steer, folder);
        }
    },
    /** Checks the folder while opening a connection. */
    IO_IN_OPEN("openingAConnectionDoesNoIoAndLeavesBadSettingsToVerify") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            if (store != null) {
                try {
                    store.checkWritable();
                } catch (IOException e) {
                    // Reported later by verify().
                }
            }
            return real;
        }
    },
    /** Shows the item to every role, interviewers included. */
    MENU_FOR_INTERVIEWERS("theMenuItemIsVisibleOnlyWhereTheStandardRuleAllowsIt") {
        @Override
        ExportMenuContribution menu() {
            return new ExportMenuContribution() {
                private final MenuItem item = new FolderExportMenu().menuItem();

                @Override
                public MenuItem menuItem() {
                    return item;
                }

                @Override
                public boolean isVisible(MenuContext context) {
                    return context.candidate().isHired() && context.connected();
                }
            };
        }
    },
    /** Declares the signing key as plain text. */
    SECRET_DECLARED_AS_TEXT("theSettingsPanelDeclaresCredentialsAsSecretAndAConstantForm") {
        @Override
        IntegrationSettingsPanel panel() {
            FolderSettingsPanel real = new FolderSettingsPanel();
            ConnectForm form = new ConnectForm(
                    real.connectForm().intro(),
                    real.connectForm().fields().stream()
                            .map(field -> field.isSecret()
                                    ? new SettingField(
                                            field.key(),
                                            field.label(),
                                            SettingFieldType.TEXT,
                                            field.required(),
                                            null,
                                            List.of(),
                                            field.helpText(),
                                            field.helpLink(),
                                            field.advanced())
                                    : field)
                            .toList());
            return new ForwardingPanel(real) {
                @Override
                public ConnectForm connectForm() {
                    return form;
                }
            };
        }
    },
    /** Reports a full folder as an outage, which tells the user to try again unchanged. */
    REJECTION_AS_OUTAGE("aCreateRefusedForAnotherReasonIsRemoteRejectedAndCreatesNothing") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    try {
                        return real.export(draft);
                    } catch (RemoteRejectedException refused) {
                        throw new RemoteUnavailableException("Could not write to the folder", refused);
                    }
                }
            };
        }
    },
    /** Drops the warning of a marker that could not be written: the export claims full success. */
    HIDES_A_FAILED_FOLLOW_UP("aFollowUpStepThatFailsIsAWarningOnTheCreatedEmployee") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    ExportResult result = real.export(draft);
                    return new ExportResult(
                            result.outcome(),
                            result.employeeId(),
                            result.link(),
                            List.of(),
                            result.confirmedByLookup());
                }
            };
        }
    },
    /** Fails an export whose marker could not be written, although the employee file is there. */
    FAILS_AFTER_THE_CREATE("aFollowUpStepThatFailsIsAWarningOnTheCreatedEmployee") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ExportResult export(EmployeeDraft draft) {
                    ExportResult result = real.export(draft);
                    if (result.isPartial()) {
                        throw new RemoteUnavailableException(
                                result.warnings().get(0).message(), null);
                    }
                    return result;
                }
            };
        }
    },
    /** Keeps the departments in a cache every connection of the plugin shares, read once per JVM. */
    SHARES_REFERENCE_DATA_BETWEEN_CONNECTIONS("aConnectionOpenedLaterReadsReferenceDataAfreshFromTheHrSystem") {
        private final AtomicReference<ReferenceData> shared = new AtomicReference<>();

        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            return new ForwardingHrisConnection(real) {
                @Override
                public ReferenceData referenceData() {
                    ReferenceData cached = shared.get();
                    if (cached == null) {
                        cached = real.referenceData();
                        shared.set(cached);
                    }
                    return cached;
                }
            };
        }
    },
    /** Caches what a failed read left: no departments, until the connection is reopened. */
    CACHES_A_FAILED_READ("aFailedReferenceDataReadIsNotCached") {
        @Override
        HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
            AtomicReference<ReferenceData> cache = new AtomicReference<>();
            return new ForwardingHrisConnection(real) {
                @Override
                public ReferenceData referenceData() {
                    ReferenceData cached = cache.get();
                    if (cached == null) {
                        try {
                            cached = real.referenceData();
                        } catch (HrisException unreadable) {
                            cached = new ReferenceData(Map.of(FolderConnection.DEPARTMENTS, List.of()));
                        }
                        cache.set(cached);
                    }
                    return cached;
                }
            };
        }
    },
    /** Shows the signing key on the View page. */
    SECRET_IN_CONNECTION_DETAILS("connectionDetailsNeverShowASecret") {
        @Override
        IntegrationSettingsPanel panel() {
            return new ForwardingPanel(new FolderSettingsPanel()) {
                @Override
                public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
                    return List.of(
                            new ConnectionDetail("Signing key", settings.valueOr(FolderSettings.SIGNING_KEY, "-")));
                }
            };
        }
    };

    private final String brokenRule;

    BrokenVariant(String brokenRule) {
        this.brokenRule = brokenRule;
    }

    /** @return the name of the kit test that checks the rule this variant breaks */
    String brokenRule() {
        return brokenRule;
    }

    /** The connector, with each connection passed through {@link #connection}. */
    HrisConnector connector(UnaryOperator<FolderStore> steer, Path folder) {
        BrokenVariant variant = this;
        HrisConnector real = new FolderExportConnector(steer);
        return new HrisConnector() {
            @Override
            public ConnectorInfo info() {
                return real.info();
            }

            @Override
            public HrisConnection open(ConnectionSettings settings) {
                FolderStore store = settings.value(FolderSettings.FOLDER)
                        .map(path -> steer.apply(new LocalFolderStore(Path.of(path))))
                        .orElse(null);
                return variant.connection(new FolderConnection(settings, store), store, settings);
            }
        };
    }

    HrisConnection connection(HrisConnection real, FolderStore store, ConnectionSettings settings) {
        return real;
    }

    ExportMenuContribution menu() {
        return new FolderExportMenu();
    }

    IntegrationSettingsPanel panel() {
        return new FolderSettingsPanel();
    }

    static void requireValid(HrisConnection real, EmployeeDraft draft) {
        List<FieldError> errors = real.validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException("The employee is incomplete", errors);
        }
    }

    static String fileFor(EmployeeDraft draft, boolean lowerCase) {
        String email = draft.value("email").orElse("missing");
        return URLEncoder.encode(lowerCase ? email.toLowerCase(Locale.ROOT) : email, StandardCharsets.UTF_8) + ".json";
    }

    /** The example's settings panel with every call passed through. */
    static class ForwardingPanel implements IntegrationSettingsPanel {
        private final IntegrationSettingsPanel real;

        ForwardingPanel(IntegrationSettingsPanel real) {
            this.real = real;
        }

        @Override
        public String connectorId() {
            return real.connectorId();
        }

        @Override
        public ConnectForm connectForm() {
            return real.connectForm();
        }

        @Override
        public List<FieldError> validate(Map<String, String> values) {
            return real.validate(values);
        }

        @Override
        public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
            return real.connectionDetails(account, settings);
        }
    }
}
