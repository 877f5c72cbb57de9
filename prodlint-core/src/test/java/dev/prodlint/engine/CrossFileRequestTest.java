package dev.prodlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first pass's summaries: a handler is judged by the query in another file's service, and a router's middleware reaches a controller file. */
class CrossFileRequestTest {
    private static List<String> findings(Path dir) throws Exception {
        ScanResult r = new Scanner(new ScanOptions(dir, 2, ScanOptions.DEFAULT_MAX_FILE_BYTES, false, false),
                ApiModels.bundled(), RuleRegistry.all()).scan(List.of(dir));
        return r.findings().stream().map(f -> f.finding().rule() + "@" + f.finding().path() + ":" + f.finding().range().startLine()).toList();
    }

    @Test
    void aServiceInAnotherFileCarriesTheOwnerFilterAndTheWrite(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/services"));
        Files.createDirectories(dir.resolve("src/routes"));
        Files.writeString(dir.resolve("src/services/order.service.ts"), """
                import { pool } from '../db';
                export async function ordersFor(userId: string) {
                  return pool.query('SELECT * FROM orders WHERE user_id = $1', [userId]);
                }
                export async function rename(id: string, name: string) {
                  return pool.query('UPDATE orders SET name = $1 WHERE id = $2', [name, id]);
                }
                """);
        Files.writeString(dir.resolve("src/routes/orders.ts"), """
                import { Router } from 'express';
                import { ordersFor, rename } from '../services/order.service';
                const router = Router();
                router.get('/orders', requireAuth, async (req, res) => {
                  res.json(await ordersFor(String(req.query.userId)));
                });
                router.get('/my/orders', requireAuth, async (req, res) => {
                  res.json(await ordersFor(req.user.id));
                });
                router.put('/orders/:id', requireAuth, async (req, res) => {
                  res.json(await rename(req.params.id, req.body.name));
                });
                """);
        assertThat(findings(dir)).containsExactlyInAnyOrder("identity-from-request@src/routes/orders.ts:5",
                "unvalidated-write@src/routes/orders.ts:11");
    }

    @Test
    void aRouterInAnotherFileMakesTheControllerAHandler(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/controllers"));
        Files.writeString(dir.resolve("src/controllers/user.controller.js"), """
                const db = require('../db');
                const createUser = catchAsync(async (req, res) => {
                  res.status(201).send(await db.query('INSERT INTO users (name, role) VALUES ($1, $2)', [req.body.name, req.body.role]));
                });
                module.exports = { createUser };
                """);
        assertThat(findings(dir)).isEmpty();
        Files.writeString(dir.resolve("src/user.route.js"), """
                const express = require('express');
                const userController = require('./controllers/user.controller');
                const router = express.Router();
                router.route('/users').post(userController.createUser);
                """);
        assertThat(findings(dir)).containsExactly("unvalidated-write@src/controllers/user.controller.js:3");
    }
}
