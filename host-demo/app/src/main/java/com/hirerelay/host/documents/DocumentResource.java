package com.hirerelay.host.documents;

import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A candidate's documents: list, upload (the file as the raw body), download. */
@Path("candidates/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public final class DocumentResource {

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /** A document as the API shows it. */
    public record DocumentView(
            long id,
            String fileName,
            String mediaType,
            DocumentKind kind,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {

        public static DocumentView of(StoredDocument document) {
            return new DocumentView(
                    document.id(),
                    document.fileName(),
                    document.mediaType(),
                    document.kind(),
                    document.sizeBytes(),
                    document.sha256(),
                    document.uploadedBy(),
                    document.uploadedAt());
        }
    }

    @GET
    public List<DocumentView> list(@PathParam("id") String id, @Context SecurityContext security) {
        Access.user(security);
        return documents.list(number(id, "id")).stream().map(DocumentView::of).toList();
    }

    /** The file is the body, its name the URL-encoded {@code X-File-Name} header, its kind {@code ?kind=}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("id") String id,
            @QueryParam("kind") String kind,
            @HeaderParam("X-File-Name") String fileName,
            @HeaderParam("Content-Length") String contentLength,
            InputStream body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        String name;
        try {
            name = fileName == null ? null : URLDecoder.decode(fileName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "X-File-Name must be URL-encoded.");
        }
        StoredDocument stored = documents.upload(number(id, "id"), name, kind, body, length(contentLength), user);
        return Response.status(201).entity(DocumentView.of(stored)).build();
    }

    /** The bytes as uploaded, always as an attachment so that a browser never renders them in the ATS's origin. */
    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(
            @PathParam("id") String id, @PathParam("documentId") String documentId, @Context SecurityContext security) {
        Access.user(security);
        DocumentService.Download download = documents.download(number(id, "id"), number(documentId, "documentId"));
        String encoded = URLEncoder.encode(download.document().fileName(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Response.ok(download.content(), download.document().mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static long length(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Content-Length must be a number of bytes.");
        }
    }

    static long number(String text, String name) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, name + " must be a number.");
        }
    }
}
