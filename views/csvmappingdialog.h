#pragma once

#include "csvmapping.h"
#include "csvtable.h"
#include "dataset.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace ntl {

// File → Import… of a CSV events table: for each event field, which of the file's columns holds
// it, with a preview of the first rows as they would import and each row's problems. The
// mapping starts from the one last chosen for the same header (QSettings, under a hash of the
// header), else from CsvMapping::guess, and is remembered on OK. OK stays disabled, with the
// reason shown, while no column is chosen for the title or the start.
class CsvMappingDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int previewRows = 50;

    CsvMappingDialog(const CsvTable &table, const Dataset &base, const QString &fileName,
                     QWidget *parent = nullptr);

    CsvMapping mapping() const;
    // Shows the dialog; the chosen mapping, or nullopt when cancelled.
    static std::optional<CsvMapping> ask(QWidget *parent, const CsvTable &table,
                                         const Dataset &base, const QString &fileName = {});

    // The QSettings key of a header's remembered mapping.
    static QString settingsKey(const QStringList &header);

    void accept() override;

private:
    void setMapping(const CsvMapping &mapping);
    void refresh();

    const CsvTable &m_table;
    const Dataset &m_base;
    QString m_fileName;
    QList<QComboBox *> m_combos; // one per CsvMapping::Field
    QLabel *m_origin = nullptr;
    QLabel *m_reason = nullptr;
    QTableWidget *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ntl
