"""Idempotent writes for demo and reference data, shared by `mobility.seed` and the apps'
demo modules (which may not import `mobility.seed`)."""


def upsert(model, defaults: dict, **lookup):
    """update_or_create that writes only when a value differs, so a re-run leaves rows, their
    timestamps and their history untouched."""
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    if not created:
        changed = [k for k, v in defaults.items() if getattr(obj, k) != v]
        if changed:
            for name in changed:
                setattr(obj, name, defaults[name])
            obj.save()
    return obj
