package com.hirerelay.example.folder;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.pf4j.Extension;

/** Hires as JSON files in a folder. */
@Extension
public class FolderExportConnector implements HrisConnector {

    /** The connector id. */
    public static final String ID = "folder-export";

    private static final ConnectorInfo INFO = new ConnectorInfo(
            ID,
            "Folder export",
            "Writes each hire as a JSON file into a folder that your HR system imports from.",
            null,
            null);

    private final UnaryOperator<FolderStore> stores;

    /** The connector pf4j creates: connections write to the folder itself. */
    public FolderExportConnector() {
        this(UnaryOperator.identity());
    }

    /** @param stores wraps each connection's folder; the contract test steers the folder through it */
    FolderExportConnector(UnaryOperator<FolderStore> stores) {
        this.stores = stores;
    }

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    @Override
    public HrisConnection open(ConnectionSettings settings) {
        FolderStore store = settings.value(FolderSettings.FOLDER)
                .flatMap(FolderExportConnector::path)
                .map(folder -> stores.apply(new LocalFolderStore(folder)))
                .orElse(null);
        return new FolderConnection(settings, store);
    }

    /** A path the file system cannot even name is reported by verify(), like a missing folder. */
    private static java.util.Optional<Path> path(String folder) {
        try {
            return java.util.Optional.of(Path.of(folder));
        } catch (java.nio.file.InvalidPathException unusable) {
            return java.util.Optional.empty();
        }
    }
}
