package com.hirerelay.host.architecture.violations;

import com.hirerelay.example.pretend.PretendPluginClass;

/** A host class that links against a plugin's class instead of going through plugin-api. */
final class CoreUsingPluginClass {

    PretendPluginClass plugin;
}
