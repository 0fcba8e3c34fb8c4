/**
 * What the host knows about a candidate, handed to connectors to build an employee draft.
 */
package com.hirerelay.api.candidate;
