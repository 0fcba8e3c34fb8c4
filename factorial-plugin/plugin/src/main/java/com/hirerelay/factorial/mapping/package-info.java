/**
 * From a hired candidate to Factorial's request bodies: the default draft, its validation, the request
 * bodies and the reading of Factorial's validation messages back onto draft fields.
 */
package com.hirerelay.factorial.mapping;
