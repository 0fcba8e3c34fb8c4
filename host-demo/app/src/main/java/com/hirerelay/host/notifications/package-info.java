/**
 * In-app notifications (issue 16): what a person should look at, such as an automatic or scheduled export that
 * failed or needs review, kept per recipient with its read state. A leaf feature: others write to it, it reads no one.
 */
package com.hirerelay.host.notifications;
