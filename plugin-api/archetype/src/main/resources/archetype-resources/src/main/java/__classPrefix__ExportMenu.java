package ${package};

import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.menu.MenuPlacement;
import java.util.EnumSet;
import org.pf4j.Extension;

/** "Export to ${hrSystemName}" wherever the host shows candidate menus, with the standard visibility rule. */
@Extension
public class ${classPrefix}ExportMenu implements ExportMenuContribution {

    private static final MenuItem ITEM = new MenuItem(
            "export-to-${connectorId}",
            "Export to ${hrSystemName}",
            ${classPrefix}Connector.ID,
            EnumSet.allOf(MenuPlacement.class),
            MenuItem.EXPORTING_ROLES,
            100);

    @Override
    public MenuItem menuItem() {
        return ITEM;
    }
}
