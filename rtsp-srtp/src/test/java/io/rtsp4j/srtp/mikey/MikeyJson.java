package io.rtsp4j.srtp.mikey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtsp4j.testing.Hex;
import java.math.BigInteger;
import java.util.Comparator;

/** Renders a message in the corpus "decoded" schema (srtp/ section of the corpus README). */
final class MikeyJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Equal when both are numbers of the same value, otherwise when equal as JSON. */
    static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private MikeyJson() {
    }

    static ObjectNode toJson(MikeyMessage message) {
        ObjectNode root = F.objectNode();
        MikeyHeader h = message.header();
        ObjectNode header = root.putObject("header");
        header.put("version", h.version());
        header.put("dataType", h.dataType());
        header.put("v", h.verificationRequested());
        header.put("prfFunc", h.prfFunction());
        header.put("csbId", h.csbId());
        header.put("csIdMapType", h.csIdMapType());
        ArrayNode map = header.putArray("csIdMapInfo");
        for (MikeySrtpIdEntry e : h.srtpIdMap()) {
            map.addObject().put("policyNo", e.policyNo()).put("ssrc", e.ssrc()).put("roc", e.roc());
        }
        ArrayNode payloads = root.putArray("payloads");
        for (MikeyPayload p : message.payloads()) {
            ObjectNode o = payloads.addObject();
            if (p instanceof MikeyTimestampPayload) {
                MikeyTimestampPayload t = (MikeyTimestampPayload) p;
                o.put("payload", "T").put("tsType", t.tsType())
                        .put("tsValue", new BigInteger(Long.toUnsignedString(t.value())));
            } else if (p instanceof MikeyRandPayload) {
                o.put("payload", "RAND").put("data", Hex.encode(((MikeyRandPayload) p).data()));
            } else if (p instanceof MikeySecurityPolicyPayload) {
                MikeySecurityPolicyPayload sp = (MikeySecurityPolicyPayload) p;
                o.put("payload", "SP").put("policyNo", sp.policyNo()).put("protType", sp.protocol());
                ArrayNode params = o.putArray("policyParams");
                for (MikeyPolicyParam param : sp.params()) {
                    params.addObject().put("type", param.type()).put("value", Hex.encode(param.value()));
                }
            } else {
                MikeyKemacPayload k = (MikeyKemacPayload) p;
                o.put("payload", "KEMAC").put("encrAlg", k.encryptionAlgorithm());
                ArrayNode subs = o.putArray("subPayloads");
                for (MikeyKeyData d : k.keyData()) {
                    ObjectNode s = subs.addObject().put("type", d.type()).put("kv", d.kv())
                            .put("keyData", Hex.encode(d.key()));
                    if (d.kv() == MikeyKeyData.KV_SPI) {
                        s.put("spi", Hex.encode(d.spi()));
                    } else {
                        s.putNull("spi");
                    }
                }
                o.put("macAlg", k.macAlgorithm());
            }
        }
        return root;
    }
}
