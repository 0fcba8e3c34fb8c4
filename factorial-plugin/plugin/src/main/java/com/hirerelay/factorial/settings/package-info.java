/**
 * The Factorial connect form, its keys, and the environment (API host, web app, API version) it selects.
 */
package com.hirerelay.factorial.settings;
