using System.Xml;

namespace Warden.Agent.Vms;

/// <summary>
/// A libvirt domain's name and uuid from its XML: the config file (/etc/libvirt/qemu/NAME.xml, root
/// &lt;domain&gt;) or the runtime status (/run/libvirt/qemu/NAME.xml, &lt;domstatus&gt;&lt;domain&gt;...).
/// XmlReader only: no serializer, no DTDs, no external entities.
/// </summary>
internal static class LibvirtDomainXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static bool TryParse(Stream xml, out string name, out string? uuid)
    {
        name = "";
        uuid = null;
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            if (!reader.ReadToFollowing("domain"))
            {
                return false;
            }
            if (reader.IsEmptyElement)
            {
                return false;
            }
            var depth = reader.Depth;
            reader.Read();
            // ReadElementContentAsString and Skip already move past the element; only other nodes need Read.
            while (!reader.EOF && reader.Depth > depth && (name.Length == 0 || uuid is null))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.Name == "name")
                {
                    name = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.Name == "uuid")
                {
                    var text = reader.ReadElementContentAsString().Trim();
                    uuid = Guid.TryParse(text, out var guid) ? guid.ToString("D") : null;
                }
                else
                {
                    reader.Skip();
                }
            }
            return name.Length > 0;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
