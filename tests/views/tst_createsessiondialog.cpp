// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/confeditor.h"
#include "dialogs/createsessiondialog.h"
#include "profiles/sessionpresetstore.h"
#include "dialogs/sessionrequestrules.h"
#include "dialogs/stringlisteditor.h"
#include "panels/messagebanner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using LivyDesk::CreateSessionDialog;
namespace Rules = LivyDesk::SessionRequestRules;

namespace {
/// The body the dialog must build in everyFieldInTheRequest (and the fake server must receive in tst_mainwindow).
QJsonObject everyFieldBody()
{
    const char *json = "{\"kind\": \"shared\", \"name\": \"etl-nightly\", \"proxyUser\": \"alice\","
                       " \"queue\": \"analytics\", \"driverMemory\": \"2g\", \"executorMemory\": \"512m\","
                       " \"driverCores\": 2, \"executorCores\": 4, \"numExecutors\": 8,"
                       " \"heartbeatTimeoutInSecond\": 60, \"ttl\": \"8h\", \"idleTimeout\": \"30m\","
                       " \"jars\": [\"hdfs:///libs/a.jar\", \"/opt/libs/b.jar\"],"
                       " \"pyFiles\": [\"s3a://bucket/deps.zip\"],"
                       " \"files\": [\"file:///data/lookup.csv\", \"hdfs:///x.txt\"],"
                       " \"archives\": [\"hdfs:///envs/py.tar.gz#env\"],"
                       " \"conf\": {\"spark.sql.shuffle.partitions\": \"64\","
                       " \"spark.dynamicAllocation.enabled\": \"true\"}}";
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestCreateSessionDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<CreateSessionDialog> m_dialog;

    template<typename T>
    T *field(const char *name) const
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no field %s", name);
        return w;
    }
    QLineEdit *edit(const char *name) const { return field<QLineEdit>(name); }
    QSpinBox *spin(const char *name) const { return field<QSpinBox>(name); }
    LivyDesk::StringListEditor *list(const char *name) const { return field<LivyDesk::StringListEditor>(name); }
    void type(const char *name, const QString &text)
    {
        QLineEdit *e = edit(name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    QString messageOf(const char *key) const
    {
        auto *label = m_dialog->findChild<QLabel *>(QLatin1String(key) + QStringLiteral("Message"));
        return label && !label->isHidden() ? label->text() : QString();
    }
    bool createEnabled() const { return m_dialog->createButton()->isEnabled(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        m_dialog = std::make_unique<CreateSessionDialog>();
        m_dialog->setServerVersion(QStringLiteral("0.9.0-incubating"));
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    void cleanup() { m_dialog.reset(); }

    void defaultsLeaveEverythingOut()
    {
        auto *kind = field<QComboBox>("kind");
        QCOMPARE(kind->currentData().toString(), QStringLiteral("pyspark"));
        QCOMPARE(m_dialog->request().toJson(), QJsonObject({ { QStringLiteral("kind"), QStringLiteral("pyspark") } }));
        kind->setCurrentIndex(kind->findData(QString()));
        QCOMPARE(m_dialog->request().toJson(), QJsonObject());
        QCOMPARE(field<QPlainTextEdit>("preview")->toPlainText().simplified(), QStringLiteral("{ }"));
        QVERIFY(createEnabled());
        QVERIFY(m_dialog->problems().isEmpty());
    }

    void everyFieldInTheRequest()
    {
        auto *kind = field<QComboBox>("kind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("shared")));
        type("name", QStringLiteral("etl-nightly"));
        type("proxyUser", QStringLiteral("alice"));
        type("queue", QStringLiteral("analytics"));
        type("driverMemory", QStringLiteral("2g"));
        type("executorMemory", QStringLiteral("512 m"));
        spin("driverCores")->setValue(2);
        spin("executorCores")->setValue(4);
        spin("numExecutors")->setValue(8);
        spin("heartbeatTimeoutInSecond")->setValue(60);
        type("ttl", QStringLiteral("8h"));
        type("idleTimeout", QStringLiteral("30m"));
        list("jars")->addLines(QStringLiteral("hdfs:///libs/a.jar\n/opt/libs/b.jar\n"));
        list("pyFiles")->addLines(QStringLiteral("s3a://bucket/deps.zip"));
        list("files")->addLines(QStringLiteral("file:///data/lookup.csv, hdfs:///x.txt"));
        list("archives")->addLines(QStringLiteral("hdfs:///envs/py.tar.gz#env"));
        field<LivyDesk::ConfEditor>("conf")->addLines(
            QStringLiteral("# spark-defaults\nspark.sql.shuffle.partitions=64\nspark.dynamicAllocation.enabled true\n"));

        const QJsonObject expected = everyFieldBody();
        QCOMPARE(m_dialog->request().toJson(), expected);
        QCOMPARE(QJsonDocument::fromJson(field<QPlainTextEdit>("preview")->toPlainText().toUtf8()).object(), expected);
        QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(m_dialog->problems().join(QLatin1Char('\n'))));
        QVERIFY(createEnabled());

        QSignalSpy spy(m_dialog.get(), &CreateSessionDialog::createRequested);
        QTest::mouseClick(m_dialog->createButton(), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Livy::CreateSessionRequest>().toJson(), expected);
        // The dialog waits for the caller instead of closing itself.
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->isCreating());
        QVERIFY(!createEnabled());
        // A second click does not send a second request.
        QTest::mouseClick(m_dialog->createButton(), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
    }

    void setRequestRoundTrips()
    {
        Livy::CreateSessionRequest r;
        r.kind = QStringLiteral("sparkr");
        r.name = QStringLiteral("r1");
        r.driverMemory = QStringLiteral("1g");
        r.numExecutors = 3;
        r.files = QStringList{ QStringLiteral("hdfs:///f") };
        r.conf = QMap<QString, QString>{ { QStringLiteral("spark.ui.enabled"), QStringLiteral("false") } };
        r.idleTimeout = QStringLiteral("15min");
        m_dialog->setRequest(r);
        QCOMPARE(m_dialog->request(), r);
    }

    void invalidInputBlocksCreate_data()
    {
        QTest::addColumn<QByteArray>("fieldName");
        QTest::addColumn<QString>("bad");
        QTest::addColumn<QString>("good");
        QTest::newRow("all-digit name") << QByteArray("name") << QStringLiteral("123") << QStringLiteral("a123");
        QTest::newRow("memory without unit") << QByteArray("driverMemory") << QStringLiteral("512")
                                             << QStringLiteral("512m");
        QTest::newRow("memory nonsense") << QByteArray("executorMemory") << QStringLiteral("lots")
                                         << QStringLiteral("4G");
        QTest::newRow("ttl bad suffix") << QByteArray("ttl") << QStringLiteral("5x") << QStringLiteral("5min");
        QTest::newRow("idleTimeout words") << QByteArray("idleTimeout") << QStringLiteral("an hour")
                                           << QStringLiteral("1h");
    }
    void invalidInputBlocksCreate()
    {
        QFETCH(QByteArray, fieldName);
        QFETCH(QString, bad);
        QFETCH(QString, good);
        type(fieldName.constData(), bad);
        QVERIFY(!createEnabled());
        QCOMPARE(m_dialog->problems().size(), 1);
        QVERIFY(!messageOf(fieldName.constData()).isEmpty());
        QSignalSpy spy(m_dialog.get(), &CreateSessionDialog::createRequested);
        m_dialog->submit();
        QCOMPARE(spy.count(), 0);
        type(fieldName.constData(), good);
        QVERIFY(createEnabled());
        QVERIFY(messageOf(fieldName.constData()).isEmpty());
    }

    void relativePathsAndDuplicateConfKeysBlock()
    {
        list("jars")->addLines(QStringLiteral("lib/a.jar"));
        QVERIFY(!createEnabled());
        QVERIFY(m_dialog->problems().first().startsWith(QStringLiteral("Jars:")));
        list("jars")->setItems({ QStringLiteral("/abs/a.jar") });
        QVERIFY(createEnabled());

        auto *conf = field<LivyDesk::ConfEditor>("conf");
        conf->addLines(QStringLiteral("spark.x=1\nspark.x=2"));
        QVERIFY(!createEnabled());
        QVERIFY(m_dialog->problems().first().contains(QStringLiteral("appears twice")));
        conf->setConf({ { QStringLiteral("spark.x"), QStringLiteral("1") } });
        QVERIFY(createEnabled());
        conf->addLines(QStringLiteral("=orphan value"));
        QVERIFY(!createEnabled());
    }

    void blacklistedAndOverlappingConfKeysOnlyWarn()
    {
        auto *conf = field<LivyDesk::ConfEditor>("conf");
        conf->setConf({ { QStringLiteral("spark.master"), QStringLiteral("local[*]") },
                        { QStringLiteral("spark.driver.memory"), QStringLiteral("1g") } });
        QVERIFY(createEnabled());
        QCOMPARE(m_dialog->warnings().size(), 1);
        QVERIFY(m_dialog->warnings().first().contains(QStringLiteral("spark.master")));
        type("driverMemory", QStringLiteral("2g")); // now the conf key overlaps a field
        QCOMPARE(m_dialog->warnings().size(), 2);
        QVERIFY(createEnabled());
        for (const QString &key : Rules::defaultBlacklistedConfKeys())
            QVERIFY(Rules::isBlacklistedConfKey(key));
        QVERIFY(!Rules::isBlacklistedConfKey(QStringLiteral("spark.executor.memory")));
    }

    void takenNameIsAHint()
    {
        m_dialog->setExistingSessionNames({ QStringLiteral("etl") });
        type("name", QStringLiteral("etl"));
        QVERIFY(createEnabled());
        QVERIFY(messageOf("name").contains(QStringLiteral("already exists")));
        type("name", QStringLiteral("etl2"));
        QVERIFY(messageOf("name").isEmpty());
    }

    void versionGatesTtlAndIdleTimeout()
    {
        type("ttl", QStringLiteral("2h"));
        type("idleTimeout", QStringLiteral("10m"));
        QVERIFY(m_dialog->request().ttl && m_dialog->request().idleTimeout);

        m_dialog->setServerVersion(QStringLiteral("0.8.0-incubating"));
        QVERIFY(edit("ttl")->isEnabled());
        QVERIFY(!edit("idleTimeout")->isEnabled());
        QVERIFY(m_dialog->request().ttl);
        QVERIFY(!m_dialog->request().idleTimeout);
        QVERIFY(messageOf("idleTimeout").contains(QStringLiteral("0.9")));

        m_dialog->setServerVersion(QStringLiteral("0.7.1-incubating"));
        QVERIFY(!edit("ttl")->isEnabled());
        QVERIFY(!m_dialog->request().ttl);
        QVERIFY(edit("name")->isEnabled());

        m_dialog->setServerVersion(QStringLiteral("0.5.0-incubating"));
        type("name", QStringLiteral("x"));
        QVERIFY(!edit("name")->isEnabled());
        QVERIFY(!m_dialog->request().name);

        m_dialog->setServerVersion(QString()); // unknown: no ttl, no idleTimeout
        QVERIFY(!edit("ttl")->isEnabled());
        QVERIFY(!edit("idleTimeout")->isEnabled());
        QVERIFY(createEnabled()); // not offered is not an error
    }

    void serverRejectionStaysInTheDialog()
    {
        type("name", QStringLiteral("etl"));
        type("driverMemory", QStringLiteral("4g"));
        QSignalSpy spy(m_dialog.get(), &CreateSessionDialog::createRequested);
        QTest::keyClick(edit("driverMemory"), Qt::Key_Return); // Enter presses Create
        QCOMPARE(spy.count(), 1);
        QVERIFY(m_dialog->isCreating());

        const QByteArray body = "{\"msg\":\"Rejected, Reason: Duplicate session name: Some(etl) for session 7\"}";
        m_dialog->showServerError(Livy::LivyError::fromHttpResponse(400, body));
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_dialog->isCreating());
        QVERIFY(createEnabled());
        auto *banner = m_dialog->findChild<LivyDesk::MessageBanner *>(QStringLiteral("serverError"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("already exists")));
        QVERIFY(banner->details().contains(QString::fromUtf8(body)));
        QVERIFY(messageOf("name").contains(QStringLiteral("Duplicate session name")));
        QCOMPARE(edit("name")->text(), QStringLiteral("etl"));
        QCOMPARE(edit("driverMemory")->text(), QStringLiteral("4g"));
        QVERIFY(edit("name")->hasFocus());
        // Editing the name clears what the server said about it; the user can try again.
        type("name", QStringLiteral("etl-2"));
        QVERIFY(messageOf("name").isEmpty());
        m_dialog->submit();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<Livy::CreateSessionRequest>().name, QStringLiteral("etl-2"));
    }

    void presetsSaveLoadAndDelete()
    {
        type("name", QStringLiteral("mine"));
        type("executorMemory", QStringLiteral("8g"));
        spin("numExecutors")->setValue(20);
        m_dialog->savePreset(QStringLiteral("big"));
        QVERIFY(LivyDesk::SessionPresetStore().contains(QStringLiteral("big")));
        QVERIFY(!LivyDesk::SessionPresetStore().load(QStringLiteral("big"))->name); // names are never in presets

        type("executorMemory", QString());
        spin("numExecutors")->setValue(0);
        type("name", QStringLiteral("other"));
        auto *presets = field<QComboBox>("presets");
        QCOMPARE(presets->findText(QStringLiteral("big")), 0);
        m_dialog->loadPreset(QStringLiteral("big"));
        QCOMPARE(edit("executorMemory")->text(), QStringLiteral("8g"));
        QCOMPARE(spin("numExecutors")->value(), 20);
        QCOMPARE(edit("name")->text(), QStringLiteral("other")); // the typed name is kept

        m_dialog->deletePreset(QStringLiteral("big"));
        QVERIFY(!LivyDesk::SessionPresetStore().contains(QStringLiteral("big")));
        QCOMPARE(presets->findText(QStringLiteral("big")), -1);
    }

    void lastUsedSettingsComeBack()
    {
        type("queue", QStringLiteral("prod"));
        type("name", QStringLiteral("n1"));
        m_dialog->reject();
        CreateSessionDialog next;
        QCOMPARE(next.findChild<QLineEdit *>(QStringLiteral("queue"))->text(), QStringLiteral("prod"));
        QVERIFY(next.findChild<QLineEdit *>(QStringLiteral("name"))->text().isEmpty());
    }

    void listEditorPasteAndKeys()
    {
        LivyDesk::StringListEditor *jars = list("jars");
        QApplication::clipboard()->setText(QStringLiteral("hdfs:///a.jar\n\n  hdfs:///b.jar  \r\nhdfs:///c.jar"));
        jars->listWidget()->setFocus();
        QTest::keyClick(jars->listWidget(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(jars->items(), (QStringList{ QStringLiteral("hdfs:///a.jar"), QStringLiteral("hdfs:///b.jar"),
                                              QStringLiteral("hdfs:///c.jar") }));
        jars->listWidget()->setCurrentRow(1);
        QTest::keyClick(jars->listWidget(), Qt::Key_Delete);
        QCOMPARE(jars->items(), (QStringList{ QStringLiteral("hdfs:///a.jar"), QStringLiteral("hdfs:///c.jar") }));
        QCOMPARE(m_dialog->request().jars,
                 (QStringList{ QStringLiteral("hdfs:///a.jar"), QStringLiteral("hdfs:///c.jar") }));
    }

    void confCompleterSuggestsSparkKeys()
    {
        auto *conf = field<LivyDesk::ConfEditor>("conf");
        conf->addRow();
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        QVERIFY(editor->completer());
        QTest::keyClicks(editor, QStringLiteral("shuffle.part"));
        QTRY_VERIFY(editor->completer()->completionCount() >= 1);
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("spark.sql.shuffle.partitions"));
    }

    void rules()
    {
        QVERIFY(Rules::memoryError(QStringLiteral("4g")).isEmpty());
        QVERIFY(Rules::memoryError(QStringLiteral("1024MB")).isEmpty());
        QVERIFY(!Rules::memoryError(QStringLiteral("4.5g")).isEmpty());
        QVERIFY(Rules::timeStringError(QStringLiteral("250us")).isEmpty());
        QVERIFY(Rules::timeStringError(QStringLiteral("90")).isEmpty());
        QVERIFY(Rules::timeStringHint(QStringLiteral("90")).contains(QStringLiteral("milliseconds")));
        QVERIFY(!Rules::timeStringError(QStringLiteral("-1s")).isEmpty());
        QVERIFY(!Rules::sessionNameError(QStringLiteral("007")).isEmpty());
        QVERIFY(Rules::sessionNameError(QStringLiteral("a7")).isEmpty());
        QVERIFY(Rules::resourcePathError(QStringLiteral("local:/opt/x.jar")).isEmpty());
        QVERIFY(!Rules::resourcePathError(QStringLiteral("x.jar")).isEmpty());
        const auto v = Rules::ServerVersion::parse(QStringLiteral("0.8.0-incubating"));
        QVERIFY(v.atLeast(0, 8) && !v.atLeast(0, 9));
        QVERIFY(!Rules::ServerVersion::parse(QStringLiteral("dev")).isValid());
    }

    void accessibleNames()
    {
        const QList<QWidget *> widgets = m_dialog->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QSpinBox *>(w) || qobject_cast<QComboBox *>(w)) {
                if (w->parentWidget() && qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                    continue; // a spin box's inner line edit
                if (w->parentWidget() && qobject_cast<QComboBox *>(w->parentWidget()))
                    continue; // an editable combo box's line edit
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            }
        }
    }
};

QTEST_MAIN(TestCreateSessionDialog)
#include "tst_createsessiondialog.moc"
