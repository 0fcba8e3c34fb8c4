/**
 * A ready {@link com.hirerelay.api.testkit.ContractBackend} for simple HR systems:
 * {@link com.hirerelay.api.testkit.fake.FakeHrSystem}, a small JSON HR API over real HTTP that the kit
 * can steer. The plugin archetype generates its connector against this API.
 */
package com.hirerelay.api.testkit.fake;
