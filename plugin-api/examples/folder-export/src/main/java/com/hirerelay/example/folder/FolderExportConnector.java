package com.hirerelay.example.folder;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
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

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    @Override
    public HrisConnection open(ConnectionSettings settings) {
        return new FolderConnection(settings);
    }
}
