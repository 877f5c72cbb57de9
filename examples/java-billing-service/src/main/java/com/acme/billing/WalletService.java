package com.acme.billing;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;

@Service
public class WalletService {
    private final AccountRepository accountRepository;
    private final LedgerEntryRepository ledgerEntryRepository;

    public WalletService(AccountRepository accountRepository, LedgerEntryRepository ledgerEntryRepository) {
        this.accountRepository = accountRepository;
        this.ledgerEntryRepository = ledgerEntryRepository;
    }

    // Pays from the prepaid balance. Two payments that read the same balance both pass the check
    // and the second save overwrites the first debit; a failure after the first save leaves the
    // balance debited with no ledger entry.
    public void pay(Long accountId, BigDecimal amount, String reference) {
        Account account = accountRepository.findById(accountId).orElseThrow();
        if (account.getBalance().compareTo(amount) < 0) {
            throw new IllegalStateException("insufficient balance on account " + accountId);
        }
        account.setBalance(account.getBalance().subtract(amount));
        accountRepository.save(account);
        ledgerEntryRepository.save(new LedgerEntry(accountId, amount.negate(), reference));
    }
}
