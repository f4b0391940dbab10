// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every model-level test sets up per test function: the in-process fake Livy (sessions start at once), a
// network manager, a Connection to the fake and a PollActivity of its own.

#include "controllers/sessioncontroller.h"
#include "fakelivyserver.h"
#include "livy/connection.h"
#include "polling/pollactivity.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <chrono>

/// A SessionController that follows its session in tens of milliseconds (the fake answers at once) and sends no
/// keep-alives: what the controller tests use unless they test a schedule.
inline Livy::SessionControllerSettings fastSessionSettings()
{
    using namespace std::chrono_literals;
    Livy::SessionControllerSettings s;
    s.running = Livy::RunningSchedule{ 5ms, 0.1, 40ms };
    s.session.idle = 40ms;
    s.session.busy = 40ms;
    s.session.transitional = Livy::RunningSchedule{ 10ms, 0.1, 40ms };
    s.backoff = Livy::ErrorBackoff{ 10ms, 40ms, 2.0, 0.2 };
    s.keepAlive = false;
    s.supportsDescendingOrder = true;
    s.logActiveInterval = 20ms;
    s.logIdleInterval = 20ms;
    return s;
}

struct FakeServerFixture
{
    FakeLivy::Server *server = nullptr;
    QNetworkAccessManager *nam = nullptr;
    Livy::Connection *connection = nullptr;
    Livy::PollActivity *activity = nullptr;

    /// Starts the server; false if it cannot listen. `requestTimeout` 0 keeps the Connection's default.
    bool setUp(QObject *owner, std::chrono::milliseconds requestTimeout = std::chrono::milliseconds(0))
    {
        server = new FakeLivy::Server(owner);
        if (!server->start())
            return false;
        server->setStartupDelay(0);
        nam = new QNetworkAccessManager(owner);
        Livy::ConnectionSettings settings;
        settings.baseUrl = server->url();
        if (requestTimeout.count() > 0)
            settings.requestTimeout = requestTimeout;
        connection = new Livy::Connection(nam, settings, owner);
        activity = new Livy::PollActivity(owner);
        return true;
    }

    void tearDown()
    {
        delete connection;
        delete nam;
        delete server;
        delete activity;
        connection = nullptr;
        nam = nullptr;
        server = nullptr;
        activity = nullptr;
    }
};

/// The base of model-level test classes: the fixture and the names the tests use for its parts. setUp() in init(),
/// tearDown() in cleanup().
class FakeServerTest : public QObject // NOLINT: no signals or slots of its own
{
protected:
    FakeServerFixture m_fixture;
    FakeLivy::Server *&m_server = m_fixture.server;
    Livy::Connection *&m_connection = m_fixture.connection;
    Livy::PollActivity *&m_activity = m_fixture.activity;
};
