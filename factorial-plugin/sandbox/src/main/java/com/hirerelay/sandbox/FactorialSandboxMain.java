package com.hirerelay.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until the process is stopped, for manual testing: {@code FactorialSandboxMain [port]}.
 * Prints the base URL and the api key (this is a throw-away fake, the key protects nothing).
 */
public final class FactorialSandboxMain {

    private FactorialSandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FactorialSandbox sandbox =
                FactorialSandbox.start(SandboxConfig.defaults().withPort(port));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "factorial-sandbox-shutdown"));
        System.out.println(
                "Factorial sandbox: " + sandbox.baseUrl() + "/api/" + FactorialSandbox.DEFAULT_VERSION + "/resources/");
        System.out.println("base URL: " + sandbox.baseUrl());
        System.out.println("x-api-key: " + sandbox.apiKey());
        System.out.println("company id: " + sandbox.companyId());
        new CountDownLatch(1).await();
    }
}
