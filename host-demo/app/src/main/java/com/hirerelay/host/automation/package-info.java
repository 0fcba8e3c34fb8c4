/**
 * Automation (issue 16): exports that run without a person clicking, on a persistent job engine
 * (db-scheduler) that keeps its jobs in the host's database, so they survive restarts, retry transient
 * failures with backoff a bounded number of times, and end in a visible list when they cannot finish.
 */
package com.hirerelay.host.automation;
