package com.hirerelay.host.automation;

/** Why an export is scheduled for a day. */
public enum ScheduleOrigin {
    /** A person chose the day on the candidate page or through the API. */
    CHOSEN,
    /** The integration exports hired candidates a number of days before their start date. */
    BEFORE_START
}
