#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace nianbao::ui {

/// Asks why findings are dismissed: a reason typed or chosen among the common ones. OK stays
/// disabled while the reason is empty.
class DismissDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DismissDialog(int count, QWidget *parent = nullptr);
    QString reason() const;
    /// The reasons offered (the office's usual ones).
    static QStringList commonReasons();

private:
    QComboBox *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace nianbao::ui
