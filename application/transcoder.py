"""The store's JSON transcoder, decoding with msgspec.

Encoding is JSONTranscoder's own, so stored bytes do not change. Decoding
applies the same rule as its `object_hook` (a dict of exactly `_type_` and
`_data_` is a registered transcoding, innermost first) to what msgspec
parsed: the projection worker spent a third of its time in `json.loads`.
"""
from __future__ import annotations

from typing import Any

import msgspec
from eventsourcing.persistence import JSONTranscoder

_parse = msgspec.json.Decoder().decode
_CONTAINERS = (dict, list)


class MsgspecJSONTranscoder(JSONTranscoder):
    def decode(self, data: bytes) -> Any:
        return self._restore(_parse(data))

    def _restore(self, value: Any) -> Any:
        if type(value) is dict:
            for key, item in value.items():
                if type(item) in _CONTAINERS:
                    value[key] = self._restore(item)
            return self._decode_obj(value)
        if type(value) is list:
            return [self._restore(item) if type(item) in _CONTAINERS else item for item in value]
        return value
