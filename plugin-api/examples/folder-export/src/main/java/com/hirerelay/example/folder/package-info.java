/**
 * An example HRIS plugin that is not Factorial-shaped: it "exports" a hire by writing one JSON file per
 * employee into a folder (an SFTP drop or a shared drive that an HR system without an API imports
 * from), optionally signed with HMAC-SHA256 so the importer can trust the file. It is the plugin the
 * README's "Writing an HRIS plugin" guide walks through; the build compiles it, packages it as a pf4j
 * plugin jar ({@code folder-export-plugin-<version>.jar}, module {@code plugin-api/examples/folder-export}), runs the test kit against it and
 * loads it in the host's tests.
 */
package com.hirerelay.example.folder;
