/**
 * The menu extension point: items a plugin adds to the host's candidate menus, with who may see them
 * and when. The host renders them and enforces the same rule on the server.
 */
package com.hirerelay.api.menu;
