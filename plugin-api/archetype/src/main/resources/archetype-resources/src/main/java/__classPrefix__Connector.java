package ${package};

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import org.pf4j.Extension;

/** ${hrSystemName} as an HRIS connector: a factory that opens one connection per connected account, without I/O. */
@Extension
public class ${classPrefix}Connector implements HrisConnector {

    /** The connector id hosts store; never change it once the plugin is in use. */
    public static final String ID = "${connectorId}";

    private static final ConnectorInfo INFO = new ConnectorInfo(
            ID, "${hrSystemName}", "Creates ${hrSystemName} employees from hired candidates.", null, null);

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    @Override
    public HrisConnection open(ConnectionSettings settings) {
        return new ${classPrefix}Connection(settings);
    }
}
