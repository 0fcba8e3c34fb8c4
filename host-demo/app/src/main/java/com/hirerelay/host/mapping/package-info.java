/**
 * Mapping rules (issue 16): per integration, which value a connector's select field gets for a candidate's
 * job, department or location, a default per field, and the fields an admin wants filled before an automatic
 * or bulk export sends a candidate. Generic over any connector: the connector's draft says which fields are
 * selects and its reference data which values they offer; nothing here knows a particular HR system.
 */
package com.hirerelay.host.mapping;
