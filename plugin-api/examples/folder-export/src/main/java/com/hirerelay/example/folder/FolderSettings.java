package com.hirerelay.example.folder;

/** The connect form's keys, shared by the settings panel and the connection. */
final class FolderSettings {

    static final String FOLDER = "folder";
    static final String SIGNING_KEY = "signing_key";

    private FolderSettings() {}
}
