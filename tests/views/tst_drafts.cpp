// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/draftstore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using LivyDesk::DraftStore;

class TestDrafts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keysSeparateServersAndSessions()
    {
        const QString a = DraftStore::keyFor(QUrl(QStringLiteral("http://u:p@host:8998/")), QStringLiteral("3"));
        QCOMPARE(a, QStringLiteral("http://host:8998#3"));
        QVERIFY(a != DraftStore::keyFor(QUrl(QStringLiteral("http://other:8998")), QStringLiteral("3")));
        QVERIFY(a != DraftStore::keyFor(QUrl(QStringLiteral("http://host:8998")), QStringLiteral("4")));
        QCOMPARE(a, DraftStore::keyFor(QUrl(QStringLiteral("http://host:8998")), QStringLiteral("3")));
    }

    void defaultDirectoryIsUnderAppData()
    {
        DraftStore store;
        QVERIFY(store.directory().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void debouncedSaveSurvivesANewStore()
    {
        QTemporaryDir dir;
        const QString key = QStringLiteral("http://h:1#7");
        {
            DraftStore store(dir.path());
            store.setDelay(std::chrono::milliseconds(30));
            store.schedule(key, QStringLiteral("first"));
            store.schedule(key, QStringLiteral("second"));
            QVERIFY(store.hasPending());
            QCOMPARE(store.load(key), QStringLiteral("second")); // pending text is visible at once
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0); // nothing written yet
            QTRY_VERIFY(!store.hasPending());
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        }
        DraftStore reopened(dir.path());
        QCOMPARE(reopened.load(key), QStringLiteral("second"));
        QVERIFY(reopened.contains(key));
        QVERIFY(!reopened.contains(QStringLiteral("http://h:1#8")));
    }

    void destructionFlushes()
    {
        QTemporaryDir dir;
        {
            DraftStore store(dir.path());
            store.setDelay(std::chrono::hours(1));
            store.schedule(QStringLiteral("k"), QStringLiteral("typed just before quitting"));
        }
        QCOMPARE(DraftStore(dir.path()).load(QStringLiteral("k")), QStringLiteral("typed just before quitting"));
    }

    void emptyTextAndRemoveDeleteTheDraft()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.schedule(QStringLiteral("a"), QStringLiteral("x"));
        store.schedule(QStringLiteral("b"), QStringLiteral("y"));
        store.flush();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
        store.schedule(QStringLiteral("a"), QString());
        store.flush();
        QVERIFY(!store.contains(QStringLiteral("a")));
        store.remove(QStringLiteral("b"));
        QVERIFY(!store.contains(QStringLiteral("b")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }

    void unwritableDirectoryReportsAndKeepsPending()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DraftStore store(dir.filePath(QStringLiteral("file/drafts"))); // a file where a directory should be
        QSignalSpy failed(&store, &DraftStore::saveFailed);
        store.schedule(QStringLiteral("k"), QStringLiteral("code"));
        store.flush();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("k"));
        QVERIFY(store.hasPending());
        QCOMPARE(store.load(QStringLiteral("k")), QStringLiteral("code"));
    }
};

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
