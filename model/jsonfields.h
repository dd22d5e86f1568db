#pragma once

#include "datasetreader.h"
#include "datasetvalidator.h"
#include "diagnostic.h"
#include "readerjson.h"

#include <QDate>
#include <QString>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <optional>

namespace ntl {

// The JSON-shape and type reading of a dataset's objects (private to model/): each typed
// access reports what it expected, at the value's JSON pointer, and returns nothing on
// failure; unknown members are warned about.
class JsonFields {
public:
    // Offsets beyond 2^53 cannot round-trip through JSON numbers in other tools.
    static constexpr qint64 maxSafeInteger = (qint64(1) << 53);

    static QString qs(const JsonString &s);
    // Exactly YYYY-MM-DD in ASCII digits, a real day: what QDate::fromString(Qt::ISODate)
    // and toString() agree on, without their cost (two dates in each of 100,000s of events).
    static QDate isoDate(const QString &text);
    static QString jsonTypeName(const Json &value);

    static QString child(const QString &path, const char *key) {
        return path + u'/' + QLatin1String(key);
    }
    static QString child(const QString &path, qsizetype index) {
        return path + u'/' + QString::number(index);
    }
    // child(child(path, key), index), in one allocation: every item of every event has one.
    static QString child(const QString &path, const char *key, qsizetype index) {
        const QLatin1String keyText(key);
        const QString number = QString::number(index);
        QString result;
        result.reserve(path.size() + keyText.size() + number.size() + 2);
        result.append(path).append(u'/').append(keyText).append(u'/').append(number);
        return result;
    }

protected:
    virtual ~JsonFields() = default;
    virtual void report(Diagnostic::Severity severity, const QString &path,
                        const QString &message) = 0;
    void error(const QString &path, const QString &message) {
        report(Diagnostic::Severity::Error, path, message);
    }
    void warning(const QString &path, const QString &message) {
        report(Diagnostic::Severity::Warning, path, message);
    }

    const Json *field(const Json &object, const QString &path, const char *key, bool required) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                error(path,
                      QStringLiteral("missing required field \"%1\"").arg(QLatin1String(key)));
            return nullptr;
        }
        return &*it;
    }

    std::optional<QString> string(const Json &object, const QString &path, const char *key,
                                  bool required = true, bool allowEmpty = true) {
        const Json *value = field(object, path, key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_string()) {
            error(child(path, key),
                  QStringLiteral("expected a string, found %1").arg(jsonTypeName(*value)));
            return std::nullopt;
        }
        QString text = qs(value->get_ref<const JsonString &>());
        if (!withinLength(text, path, key))
            return std::nullopt;
        if (!allowEmpty && text.trimmed().isEmpty()) {
            error(child(path, key), DatasetValidator::blankMessage());
            return std::nullopt;
        }
        return text;
    }

    // A string or null; an absent field counts as null. Returns an empty string for null.
    QString nullableString(const Json &object, const QString &path, const char *key) {
        const Json *value = field(object, path, key, false);
        if (!value || value->is_null())
            return {};
        if (!value->is_string()) {
            error(child(path, key),
                  QStringLiteral("expected a string or null, found %1").arg(jsonTypeName(*value)));
            return {};
        }
        QString text = qs(value->get_ref<const JsonString &>());
        return withinLength(text, path, key) ? text : QString();
    }

    // Reports a string longer than its field allows (laying out a 200 MB title would
    // crash the text layout); the limits are in docs/format.md.
    bool withinLength(const QString &text, const QString &path, const char *key) {
        const qsizetype limit = DatasetReader::maxFieldLength(key);
        if (text.size() <= limit)
            return true;
        error(child(path, key), DatasetValidator::tooLongMessage(limit, text.size()));
        return false;
    }

    QString id(const Json &object, const QString &path) {
        return string(object, path, "id", true, false).value_or(QString());
    }

    std::optional<qint64> integer(const Json &object, const QString &path, const char *key) {
        const Json *value = field(object, path, key, true);
        if (!value)
            return std::nullopt;
        if (value->is_number_unsigned()) {
            const auto number = value->get<std::uint64_t>();
            if (number > std::uint64_t(maxSafeInteger)) {
                error(child(path, key),
                      QStringLiteral("expected an offset no larger than 2^53, found %1")
                          .arg(QString::number(number)));
                return std::nullopt;
            }
            return qint64(number);
        }
        if (value->is_number_integer()) {
            const auto number = value->get<std::int64_t>();
            if (number < 0) {
                error(child(path, key),
                      QStringLiteral("expected a non-negative offset, found %1").arg(number));
                return std::nullopt;
            }
            return number;
        }
        error(child(path, key),
              QStringLiteral("expected a non-negative integer, found %1")
                  .arg(value->is_number() ? qs(value->dump()) : jsonTypeName(*value)));
        return std::nullopt;
    }

    const Json *array(const Json &object, const QString &path, const char *key,
                      bool required = true) {
        const Json *value = field(object, path, key, required);
        if (!value)
            return nullptr;
        if (!value->is_array()) {
            error(child(path, key),
                  QStringLiteral("expected an array, found %1").arg(jsonTypeName(*value)));
            return nullptr;
        }
        return value;
    }

    bool isObject(const Json &value, const QString &path) {
        if (value.is_object())
            return true;
        error(path, QStringLiteral("expected an object, found %1").arg(jsonTypeName(value)));
        return false;
    }

    QDate date(const Json &object, const QString &path, const char *key, bool required = true) {
        const std::optional<QString> text = string(object, path, key, required);
        if (!text)
            return {};
        const QDate parsed = isoDate(*text);
        if (!parsed.isValid()) {
            error(child(path, key),
                  QStringLiteral("expected a calendar date YYYY-MM-DD, found \"%1\"").arg(*text));
            return {};
        }
        return parsed;
    }

    template <typename Enum>
    std::optional<Enum> enumeration(const Json &object, const QString &path, const char *key,
                                    std::optional<Enum> (*parse)(const QString &),
                                    const char *allowed) {
        const std::optional<QString> text = string(object, path, key);
        if (!text)
            return std::nullopt;
        const std::optional<Enum> value = parse(*text);
        if (!value)
            error(child(path, key), QStringLiteral("expected one of %1, found \"%2\"")
                                        .arg(QLatin1String(allowed), *text));
        return value;
    }

    void unknownFields(const Json &object, const QString &path,
                       std::initializer_list<const char *> known) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const JsonString &key = it.key();
            // strcmp first: it stops at the first differing byte; the size check then rules
            // out keys with a NUL inside.
            const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) {
                return std::strcmp(key.c_str(), k) == 0 && key.size() == std::strlen(k);
            });
            if (!isKnown)
                warning(path, QStringLiteral("unknown field \"%1\" ignored").arg(qs(it.key())));
        }
    }
};

} // namespace ntl
