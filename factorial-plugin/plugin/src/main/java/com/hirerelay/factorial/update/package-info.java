/**
 * Keeps an exported employee in step: reads what Factorial holds now in the draft's terms and sends chosen
 * changes by the route Factorial takes each field (employee update, contract version, or not at all).
 */
package com.hirerelay.factorial.update;
