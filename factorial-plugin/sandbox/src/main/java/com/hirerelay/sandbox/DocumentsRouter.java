package com.hirerelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Factorial's documents resources as {@code shared/factorial-api-round2.md} section 1 describes them: folders
 * ({@code GET}/{@code POST documents/folders}) and documents ({@code GET documents/documents}, and the
 * multipart {@code POST documents/documents} answered with 201 and the document). The caller holds the store's
 * monitor.
 */
final class DocumentsRouter {

    /** Factorial's product refuses documents over 15 MB; the sandbox plays the same limit on the API. */
    static final int MAX_FILE_BYTES = 15 * 1024 * 1024;

    static final List<String> SPACES = List.of(
            "company_internal", "company_public", "employee_my_documents", "pending_to_assign", "pending_to_destroy");

    private static final List<String> REQUIRED_PARTS = List.of(
            "public", "space", "is_pending_assignment", "file", "author_id", "company_id", "request_esignature");

    private DocumentsRouter() {}

    /** {@code GET documents/folders} with the filters {@code active}, {@code employee_id}, {@code ids[]}, {@code name}. */
    static List<Map<String, Object>> folders(SandboxStore s, Map<String, List<String>> query) {
        String name = first(query, "name");
        String active = first(query, "active");
        Set<String> ids = ids(ApiRouter.values(query, "ids"));
        return s.folders.values().stream()
                .filter(f -> name == null || name.equals(f.get("name")))
                .filter(f -> active == null || Boolean.parseBoolean(active) == (Boolean) f.get("active"))
                .filter(f -> ids == null || ids.contains(f.get("id")))
                .map(ApiRouter::copy)
                .toList();
    }

    /** {@code POST documents/folders}: {@code company_id}, {@code name} and {@code space} required. */
    static ApiResponse createFolder(SandboxStore s, JsonNode json) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        Optional<String> companyId = Ids.fromJson(json.get("company_id"));
        if (companyId.isEmpty() || !companyId.get().equals(s.companyId)) {
            errors.add(problem("company_id", "Company does not match the credentials' company"));
        }
        String name = json.path("name").asText("");
        if (name.isBlank()) {
            errors.add(problem("name", "Name can't be blank"));
        }
        String space = json.path("space").asText("");
        if (!SPACES.contains(space)) {
            errors.add(problem("space", "Space is not included in the list"));
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        Map<String, Object> folder = new LinkedHashMap<>();
        folder.put("id", s.newFolderId());
        folder.put("name", name.strip());
        folder.put("active", true);
        folder.put("space", space);
        folder.put("company_id", s.companyId);
        folder.put("parent_folder_id", null);
        s.folders.put((String) folder.get("id"), folder);
        return ApiResponse.created(ApiRouter.copy(folder));
    }

    /**
     * {@code GET documents/documents}: the spec marks {@code by_pending_assignment} and {@code by_trash_bin}
     * required, so the sandbox refuses a list without them; filters {@code employee_ids[]}, {@code folder_id},
     * {@code ids[]}.
     *
     * @return the documents, or a refusal
     */
    static Object documents(SandboxStore s, Map<String, List<String>> query) {
        for (String required : List.of("by_pending_assignment", "by_trash_bin")) {
            if (first(query, required) == null) {
                return ApiResponse.invalid(required, required + " is missing");
            }
        }
        Set<String> employeeIds = ids(ApiRouter.values(query, "employee_ids"));
        Set<String> ids = ids(ApiRouter.values(query, "ids"));
        String folderId = first(query, "folder_id");
        return s.documents.values().stream()
                .filter(d -> employeeIds == null || employeeIds.contains(d.get("employee_id")))
                .filter(d -> ids == null || ids.contains(d.get("id")))
                .filter(d -> folderId == null
                        || Ids.fromText(folderId)
                                .map(id -> id.equals(d.get("folder_id")))
                                .orElse(false))
                .map(ApiRouter::copy)
                .toList();
    }

    /** The multipart {@code POST documents/documents}. */
    static ApiResponse upload(SandboxStore s, MultipartForm form, String now) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        for (String required : REQUIRED_PARTS) {
            if (form.part(required).isEmpty()) {
                errors.add(problem(required, humanize(required) + " is missing"));
            }
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        MultipartForm.Part file = form.part("file").orElseThrow();
        if (file.fileName() == null || file.fileName().isBlank()) {
            return ApiResponse.invalid("file", "File must be a file upload with a file name");
        }
        if (file.bytes().length == 0) {
            return ApiResponse.invalid("file", "File is empty");
        }
        if (file.bytes().length > MAX_FILE_BYTES) {
            return ApiResponse.invalid("file", "File is too big (at most 15 MB)");
        }
        String space = form.text("space").orElse("");
        if (!SPACES.contains(space)) {
            errors.add(problem("space", "Space is not included in the list"));
        }
        Optional<String> companyId = form.text("company_id").flatMap(Ids::fromText);
        if (companyId.isEmpty() || !companyId.get().equals(s.companyId)) {
            errors.add(problem("company_id", "Company does not match the credentials' company"));
        }
        Optional<String> authorId = form.text("author_id").flatMap(Ids::fromText);
        if (authorId.isEmpty()) {
            errors.add(problem("author_id", "Author must be an access id"));
        }
        Boolean isPublic = bool(form, "public", errors);
        Boolean pending = bool(form, "is_pending_assignment", errors);
        Boolean esign = bool(form, "request_esignature", errors);
        Optional<String> employeeId =
                form.text("employee_id").filter(t -> !t.isBlank()).flatMap(Ids::fromText);
        if (form.text("employee_id").filter(t -> !t.isBlank()).isPresent()
                && (employeeId.isEmpty() || !s.employees.containsKey(employeeId.get()))) {
            return ApiResponse.missingReference("employee_id", "Employee not found");
        }
        if ("employee_my_documents".equals(space) && employeeId.isEmpty()) {
            errors.add(problem("employee_id", "Employee must be given for the space employee_my_documents"));
        }
        Optional<String> folderId =
                form.text("folder_id").filter(t -> !t.isBlank()).flatMap(Ids::fromText);
        if (form.text("folder_id").filter(t -> !t.isBlank()).isPresent()
                && (folderId.isEmpty() || !s.folders.containsKey(folderId.get()))) {
            return ApiResponse.missingReference("folder_id", "Folder not found");
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        String fileName = form.text("file_filename")
                .filter(t -> !t.isBlank())
                .orElse(file.fileName())
                .strip();
        int dot = fileName.lastIndexOf('.');
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", s.newDocumentId());
        document.put("filename", fileName);
        document.put("public", isPublic);
        document.put("space", space);
        document.put("author_id", authorId.get());
        document.put("company_id", s.companyId);
        document.put("content_type", file.contentType() == null ? "application/octet-stream" : file.contentType());
        document.put("employee_id", employeeId.orElse(null));
        document.put("extension", dot < 0 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        document.put("file_size", file.bytes().length);
        document.put("folder_id", folderId.orElse(null));
        document.put("is_pending_assignment", pending);
        document.put("signature_status", Boolean.TRUE.equals(esign) ? "pending" : null);
        document.put(
                "signees",
                form.all("signee_ids[]").stream().map(MultipartForm.Part::text).toList());
        document.put("created_at", now);
        document.put("updated_at", now);
        s.documents.put((String) document.get("id"), document);
        s.documentBytes.put((String) document.get("id"), file.bytes());
        return ApiResponse.created(ApiRouter.copy(document));
    }

    private static Boolean bool(MultipartForm form, String name, List<ApiResponse.Problem> errors) {
        String text = form.text(name).orElse("").strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                errors.add(problem(name, humanize(name) + " must be true or false"));
                yield null;
            }
        };
    }

    private static Set<String> ids(List<String> raw) {
        if (raw.isEmpty()) {
            return null;
        }
        Set<String> out = new java.util.HashSet<>();
        for (String r : raw) {
            for (String part : r.split(",")) {
                Ids.fromText(part).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static ApiResponse.Problem problem(String field, String message) {
        return new ApiResponse.Problem("validation_failed", message, field);
    }

    private static String humanize(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
