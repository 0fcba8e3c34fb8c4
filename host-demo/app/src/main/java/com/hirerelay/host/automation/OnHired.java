package com.hirerelay.host.automation;

/** What an integration does when a candidate reaches a job's Hired stage. */
public enum OnHired {
    /** Nothing; exports are started by people. */
    OFF,
    /** The candidate is exported with the default draft and the mapping rules, by the person who moved them. */
    AUTO
}
