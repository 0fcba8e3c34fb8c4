package com.hirerelay.example.folder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * The folder as the connection sees it: the only place the connector touches storage. The production
 * store is {@link LocalFolderStore}; the folder may be a local disk or a network share mounted on the ATS
 * server, so every call can fail the way a share fails (unreachable, permission refused, an answer that
 * never came).
 */
interface FolderStore {

    /**
     * @throws IOException if the folder does not exist or cannot be written to
     */
    void checkWritable() throws IOException;

    /**
     * @param fileName a file name inside the folder
     * @return the file's text, when the file exists
     * @throws IOException if the folder cannot be read
     */
    Optional<String> read(String fileName) throws IOException;

    /**
     * Writes a new file atomically: it appears whole or not at all.
     *
     * @param fileName a file name inside the folder
     * @param content the text to write
     * @throws java.nio.file.FileAlreadyExistsException if the file exists already; nothing is written
     * @throws IOException if writing failed; the file may or may not exist afterwards
     */
    void createNew(String fileName, String content) throws IOException;

    /**
     * @param path a path inside the folder, such as {@code employee.documents/cv.pdf}
     * @return whether a file is there
     * @throws IOException if the folder cannot be read
     */
    boolean exists(String path) throws IOException;

    /**
     * Copies bytes into a new file atomically, creating its directory when needed.
     *
     * @param path a path inside the folder
     * @param bytes what to write; the caller closes it
     * @throws java.nio.file.FileAlreadyExistsException if the file exists already; nothing is written
     * @throws IOException if writing failed; the file may or may not exist afterwards
     */
    void copyNew(String path, InputStream bytes) throws IOException;

    /**
     * @param fileName a file name inside the folder
     * @return where a person opens the file
     */
    URI link(String fileName);
}
