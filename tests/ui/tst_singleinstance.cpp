// One window per set of settings: a second launch of the real program hands its files to the
// window that is open and exits; a socket left behind by a crashed window is taken over.
#include "singleinstance.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using nianbao::ui::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void aSecondLaunchHandsItsFilesToTheOpenWindow();
    void aSecondLaunchOfTheRealWindowIsAnsweredAndExits();
    void withOtherSettingsALaunchIsAWindowApart();
    void aSocketLeftByACrashedWindowIsTakenOver();
    void withoutAnOpenWindowNothingIsSent();

private:
    QProcessEnvironment environment(const QString &config) const;
    QString socketFor(const QString &config) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // the run-time folder of this test and of the programs it starts, private as XDG wants it
    const QString run = m_dir->filePath(u"run"_s);
    QVERIFY(QDir().mkpath(run));
    QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(run));
}

QProcessEnvironment TestSingleInstance::environment(const QString &config) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(config));
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    env.insert(u"HOME"_s, m_dir->path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    return env;
}

// the settings file the program uses under XDG_CONFIG_HOME=config (organisation and name nianbao)
QString TestSingleInstance::socketFor(const QString &config) const
{
    return SingleInstance::socketPathFor(m_dir->filePath(config + u"/nianbao/nianbao.conf"_s));
}

void TestSingleInstance::aSecondLaunchHandsItsFilesToTheOpenWindow()
{
    SingleInstance open(socketFor(u"config"_s));
    QString error;
    QVERIFY2(open.listen(&error), qPrintable(error));
    QSignalSpy received(&open, &SingleInstance::filesReceived);

    const QString report = QStringLiteral(NIANBAO_TEST_DATA "/corpus/seeds/001_bff1b9e23c617db0.txt");
    QVERIFY(!report.isEmpty());
    QProcess second;
    second.setProcessEnvironment(environment(u"config"_s));
    second.setWorkingDirectory(QFileInfo(report).absolutePath());
    second.start(QStringLiteral(NIANBAO_GUI), {QFileInfo(report).fileName(), u"folder-that-is-not-there"_s});
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 20000);
    // made absolute in the second launch's folder, in the order given
    const QStringList files = received.at(0).at(0).toStringList();
    QCOMPARE(files, QStringList({QFileInfo(report).absoluteFilePath(),
                                 QFileInfo(report).absolutePath() + u"/folder-that-is-not-there"_s}));
    // (it may have ended while the signal was awaited)
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 20000);
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.readAllStandardOutput().contains("handed to its window"),
             "the launch says where its files went");
}

void TestSingleInstance::aSecondLaunchOfTheRealWindowIsAnsweredAndExits()
{
    // the open window is the real program; the second launch is answered only once the window
    // has taken its files
    QProcess first;
    first.setProcessEnvironment(environment(u"config"_s));
    first.start(QStringLiteral(NIANBAO_GUI), {u"--no-store"_s});
    QVERIFY(first.waitForStarted());
    const QString socket = socketFor(u"config"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 20000);

    QProcess second;
    second.setProcessEnvironment(environment(u"config"_s));
    second.start(QStringLiteral(NIANBAO_GUI),
                 {QStringLiteral(NIANBAO_TEST_DATA "/corpus/seeds/001_bff1b9e23c617db0.txt")});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(second.readAllStandardOutput().contains("handed to its window"));
    QCOMPARE(first.state(), QProcess::Running); // the first window stays

    // killed, the window leaves its socket behind: the next launch takes it over
    first.kill();
    QVERIFY(first.waitForFinished(20000));
    SingleInstance next(socket);
    QVERIFY(!next.sendToRunning({}, 500));
    QVERIFY(next.listen());
}

void TestSingleInstance::withOtherSettingsALaunchIsAWindowApart()
{
    QVERIFY(socketFor(u"config"_s) != socketFor(u"other-config"_s));
    SingleInstance open(socketFor(u"config"_s));
    QVERIFY(open.listen());
    SingleInstance other(socketFor(u"other-config"_s));
    QVERIFY(!other.sendToRunning({u"a.txt"_s}, 500));
    QVERIFY(other.listen());
}

void TestSingleInstance::aSocketLeftByACrashedWindowIsTakenOver()
{
    const QString socket = socketFor(u"config"_s);
    {
        // a window killed without closing leaves its socket file; nobody answers on it
        QFile stale(socket);
        QVERIFY(stale.open(QIODevice::WriteOnly));
    }
    SingleInstance launch(socket);
    QVERIFY(!launch.sendToRunning({u"a.txt"_s}, 500));
    QString error;
    QVERIFY2(launch.listen(&error), qPrintable(error));
    QVERIFY(launch.isListening());

    SingleInstance later(socket);
    QSignalSpy received(&launch, &SingleInstance::filesReceived);
    // the socket is answered from this thread's event loop: send from another one
    bool sent = false;
    std::unique_ptr<QThread> thread(
        QThread::create([&] { sent = later.sendToRunning({u"/b.txt"_s}, 5000); }));
    thread->start();
    QTRY_COMPARE(received.count(), 1);
    QVERIFY(thread->wait(10000));
    QVERIFY(sent);
    QCOMPARE(received.at(0).at(0).toStringList(), QStringList{u"/b.txt"_s});

    // a second window on the same socket is refused, with the reason
    SingleInstance another(socket);
    QVERIFY(!another.listen(&error));
    QVERIFY(error.contains(socket));
}

void TestSingleInstance::withoutAnOpenWindowNothingIsSent()
{
    SingleInstance launch(socketFor(u"config"_s));
    QVERIFY(!launch.sendToRunning({u"a.txt"_s}, 500));
    QVERIFY(!launch.isListening());
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
