package com.acme.billing;

import java.math.BigDecimal;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/** Tax rates from the tax service. */
public class TaxRatesClient {
    // No request factory: no connect or read timeout (prodlint: missing-timeout).
    private final RestTemplate rest = new RestTemplate();

    /** Retried with the same 1 s pause on every error, 4xx included (prodlint: retry-storm). */
    public BigDecimal rate(String region) throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return rest.getForObject("http://tax/rates/{region}", BigDecimal.class, region);
            } catch (RestClientException e) {
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("tax service unavailable");
    }
}
