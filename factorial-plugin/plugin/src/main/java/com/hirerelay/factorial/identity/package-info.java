/**
 * Who a candidate is in Factorial: the namespaced reference the plugin writes for a candidate, and how an
 * employee Factorial already has is classified against a draft (same person, possible match, or nobody).
 */
package com.hirerelay.factorial.identity;
