#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace nianbao::ui {

/// One window per set of settings: the first launch listens on a local socket in the user's
/// run-time folder; a later launch hands its files to it and exits, so that every report opens in
/// one window on one store, and no second window overwrites the first one's settings.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// The socket of the window that uses the settings file: in $XDG_RUNTIME_DIR, named after the
    /// file, so that a window with settings of its own (another XDG_CONFIG_HOME) is a window apart.
    static QString socketPathFor(const QString &settingsFile);

    explicit SingleInstance(const QString &socketPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Hands the files (made absolute) to the window already running; false when none answers.
    bool sendToRunning(const QStringList &files, int timeoutMs = 2000) const;
    /// Becomes the window that later launches talk to; a socket left by a window that crashed is
    /// taken over. False with the reason when the socket cannot be made.
    bool listen(QString *error = nullptr);
    bool isListening() const;
    QString socketPath() const { return m_socketPath; }

Q_SIGNALS:
    /// A later launch's files (absolute paths; empty when it was started without any).
    void filesReceived(const QStringList &files);

private:
    QString m_socketPath;
    QLocalServer *m_server = nullptr;
};

} // namespace nianbao::ui
