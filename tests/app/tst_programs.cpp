// nianbao and nianbao-cli started on a machine without a display: --help and --version answer,
// and the window says in one sentence why it cannot open instead of Qt's abort.
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPrograms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void theWindowWithoutADisplaySaysWhatToDo();

private:
    struct Run
    {
        QProcess::ExitStatus status = QProcess::CrashExit;
        int code = -1;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &args);
};

TestPrograms::Run TestPrograms::run(const QString &program, const QStringList &args)
{
    // No display of any kind, and no platform named: as on a server or in a plain ssh session.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, QDir::tempPath() + u"/nianbao-tst-programs-config"_s);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.status = p.exitStatus();
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestPrograms::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("anOption");
    QTest::newRow("the window") << QStringLiteral(NIANBAO_GUI) << u"nianbao"_s << u"--database"_s;
    QTest::newRow("the command line") << QStringLiteral(NIANBAO_CLI) << u"nianbao-cli"_s << u"--lang"_s;
}

void TestPrograms::helpAndVersionNeedNoDisplay()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    QFETCH(QString, anOption);

    for (const QString &arg : {u"--version"_s, u"-v"_s}) {
        const Run v = run(program, {arg});
        QCOMPARE(v.status, QProcess::NormalExit);
        QCOMPARE(v.code, 0);
        QCOMPARE(v.out.trimmed(), name + u' ' + QStringLiteral(NIANBAO_VERSION));
    }
    for (const QString &arg : {u"--help"_s, u"-h"_s}) {
        const Run h = run(program, {arg});
        QCOMPARE(h.status, QProcess::NormalExit);
        QCOMPARE(h.code, 0);
        QVERIFY2(h.out.contains(u"Usage: "_s), qPrintable(h.out));
        QVERIFY2(h.out.contains(anOption), qPrintable(h.out));
        QVERIFY2(h.out.contains(u"--version"_s), qPrintable(h.out));
    }
}

void TestPrograms::theWindowWithoutADisplaySaysWhatToDo()
{
    const Run r = run(QStringLiteral(NIANBAO_GUI), {u"--no-store"_s});
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.code, 2);
    const QStringList lines = r.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(u"xvfb-run"_s) && lines.first().contains(u"nianbao-cli"_s),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"platform plugin"_s), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
