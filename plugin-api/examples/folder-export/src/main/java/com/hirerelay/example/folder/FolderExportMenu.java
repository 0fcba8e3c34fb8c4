package com.hirerelay.example.folder;

import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.menu.MenuPlacement;
import java.util.EnumSet;
import org.pf4j.Extension;

/** "Export to folder" wherever the host shows candidate menus, with the standard visibility rule. */
@Extension
public class FolderExportMenu implements ExportMenuContribution {

    private static final MenuItem ITEM = new MenuItem(
            "export-to-folder",
            "Export to folder",
            FolderExportConnector.ID,
            EnumSet.allOf(MenuPlacement.class),
            MenuItem.EXPORTING_ROLES,
            200);

    @Override
    public MenuItem menuItem() {
        return ITEM;
    }
}
