package com.hirerelay.example.folder;

import com.hirerelay.api.testkit.BackendCall;
import com.hirerelay.api.testkit.BackendFault;
import com.hirerelay.api.testkit.BackendOperation;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.UnsupportedBackendFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The folder behind the example connector as the test kit steers it: every connection's real
 * {@link LocalFolderStore} is wrapped, so faults are played where a network share would fail, and
 * everything else happens in the real folder. Reading the departments file is
 * {@link BackendOperation#READ_REFERENCE_DATA}, reading an employee file {@link BackendOperation#FIND_EMPLOYEE},
 * writing one {@link BackendOperation#CREATE_EMPLOYEE}, and writing its {@code .ready} marker the export's
 * {@link BackendOperation#FOLLOW_UP}.
 */
final class SteerableFolder implements ContractBackend {

    private final Path folder;
    private final Map<BackendOperation, Deque<Slot>> faults = new EnumMap<>(BackendOperation.class);
    private final List<BackendCall> calls = new ArrayList<>();
    private boolean down;
    private boolean onlyOneChoice;

    SteerableFolder(Path folder) {
        this.folder = folder;
    }

    /** @return a connector whose connections' folders this backend steers */
    FolderExportConnector connector() {
        return new FolderExportConnector(this::steer);
    }

    /** @return the folder with this backend's faults played around its calls */
    FolderStore steer(FolderStore real) {
        return new Wrapped(real);
    }

    @Override
    public long employeesWithEmail(String email) {
        String name = URLEncoder.encode(email.strip().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + ".json";
        return Files.exists(folder.resolve(name)) ? 1 : 0;
    }

    @Override
    public long documentsOf(String employeeId) {
        Path documents = folder.resolve(employeeId.replaceFirst("\\.json$", "") + ".documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (var files = Files.list(documents)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void inject(BackendOperation operation, BackendFault fault, int times) {
        switch (fault.kind()) {
            case CREDENTIALS_REFUSED ->
                throw new UnsupportedBackendFeature(
                        "refusing credentials (a folder takes none)", "nothing: the contract declares no credentials");
            case RATE_LIMITED ->
                throw new UnsupportedBackendFeature(
                        "rate limits (a folder has none)", "nothing: the contract declares no rate limits");
            case API_VERSION_RETIRED ->
                throw new UnsupportedBackendFeature(
                        "retiring an API version (a folder has none)",
                        "nothing: the contract declares no API versions");
            case REFUSED_UNKNOWN_FIELD ->
                throw new UnsupportedBackendFeature(
                        "a refusal naming a field (a folder names none)",
                        "nothing: the contract declares that its refusals name no field");
            case REFUSED_FIELD -> {
                if (!fault.draftKey().equals("email")) {
                    throw new UnsupportedBackendFeature(
                            "refusing draft field '" + fault.draftKey() + "' (a folder can only refuse the file name,"
                                    + " which comes from 'email')",
                            "SteerableFolder.inject");
                }
            }
            default -> {
                // Every other kind has a folder equivalent below.
            }
        }
        faults.computeIfAbsent(operation, op -> new ArrayDeque<>()).addLast(new Slot(fault, times));
    }

    /** The departments list is one file, read whole: a folder has no pages to serve. */
    @Override
    public void usePageSize(int size) {}

    /** The departments file is read as if it held its first department only. */
    @Override
    public synchronized void offerOnlyOneChoicePerList() {
        onlyOneChoice = true;
    }

    private synchronized boolean onlyOneChoice() {
        return onlyOneChoice;
    }

    @Override
    public synchronized List<BackendCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void reset() {
        faults.clear();
        calls.clear();
        down = false;
        onlyOneChoice = false;
    }

    private synchronized BackendFault arrive(BackendOperation operation, String description) throws IOException {
        calls.add(new BackendCall(operation, description));
        if (down) {
            throw new IOException("Host is down");
        }
        Deque<Slot> queue = faults.get(operation);
        if (queue == null || queue.isEmpty()) {
            return BackendFault.none();
        }
        Slot slot = queue.peekFirst();
        if (slot.remaining != EVERY_CALL && --slot.remaining == 0) {
            queue.removeFirst();
        }
        return slot.fault;
    }

    private synchronized void goDown() {
        down = true;
    }

    /** Plays the fault that applies before the call; returns it so the caller can play what comes after. */
    private static BackendFault before(BackendFault fault, String fileName) throws IOException {
        switch (fault.kind()) {
            case UNAVAILABLE -> throw new IOException("Host is down");
            case ACCESS_DENIED -> throw new AccessDeniedException(fileName);
            case UNREADABLE_ANSWER -> throw new IOException("Input/output error");
            case REFUSED_FIELD -> throw new FileSystemException(fileName, null, "File name too long");
            case REJECTED -> throw new FileSystemException(fileName, null, "Disk quota exceeded");
            case LATENCY -> sleep(fault.retryAfter());
            default -> {
                // Played after the call, or nothing to play.
            }
        }
        return fault;
    }

    private void after(BackendFault fault) throws IOException {
        switch (fault.kind()) {
            case LOST_ANSWER_AFTER_COMMIT -> throw new IOException("The share did not answer");
            case OUTAGE_AFTER_COMMIT -> {
                goDown();
                throw new IOException("The share did not answer");
            }
            default -> {
                // Answered normally.
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Slot {
        final BackendFault fault;
        int remaining;

        Slot(BackendFault fault, int times) {
            this.fault = fault;
            this.remaining = times;
        }
    }

    /** One connection's folder, with this backend's faults played around the real calls. */
    private final class Wrapped implements FolderStore {
        private final FolderStore real;

        Wrapped(FolderStore real) {
            this.real = real;
        }

        @Override
        public void checkWritable() throws IOException {
            BackendFault fault = before(arrive(BackendOperation.VERIFY_CREDENTIALS, "check the folder"), "folder");
            real.checkWritable();
            after(fault);
        }

        @Override
        public Optional<String> read(String fileName) throws IOException {
            BackendOperation operation = fileName.equals(FolderConnection.DEPARTMENTS_FILE)
                    ? BackendOperation.READ_REFERENCE_DATA
                    : BackendOperation.FIND_EMPLOYEE;
            BackendFault fault = arrive(operation, "read " + fileName);
            if (fault.kind() == BackendFault.Kind.UNREADABLE_ANSWER) {
                return Optional.of("\u0000\u0000 not a file this plugin wrote");
            }
            before(fault, fileName);
            Optional<String> content = real.read(fileName);
            after(fault);
            if (operation == BackendOperation.READ_REFERENCE_DATA && onlyOneChoice()) {
                return content.map(text -> text.lines().findFirst().orElse(""));
            }
            return content;
        }

        @Override
        public void createNew(String fileName, String content) throws IOException {
            BackendOperation operation = fileName.endsWith(FolderConnection.READY_SUFFIX)
                    ? BackendOperation.FOLLOW_UP
                    : BackendOperation.CREATE_EMPLOYEE;
            BackendFault fault = before(arrive(operation, "create " + fileName), fileName);
            real.createNew(fileName, content);
            after(fault);
        }

        @Override
        public boolean exists(String path) throws IOException {
            BackendFault fault = before(arrive(BackendOperation.OTHER, "look for " + path), path);
            boolean exists = real.exists(path);
            after(fault);
            return exists;
        }

        @Override
        public void copyNew(String path, InputStream bytes) throws IOException {
            BackendFault fault = before(arrive(BackendOperation.OTHER, "copy " + path), path);
            real.copyNew(path, bytes);
            after(fault);
        }

        @Override
        public URI link(String fileName) {
            return real.link(fileName);
        }
    }
}
