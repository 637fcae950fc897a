import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { encodeInvite } from '../../../shared/protocol/invite';
import { formatJoinSecret } from '../../../shared/protocol/join-secret';
import { phoneJoinUrl } from '../../../shared/protocol/phone-join';
import { useStore } from '../../hooks/use-store';
import { PhoneQr } from '../common/PhoneQr';

interface Invitation {
  code: string;
  addresses: string[];
  qr: string | null;
  /** The participant page for phones; null when no address is a signaling URL. */
  phoneUrl: string | null;
}

/** How often the wall looks for a change of hosting (started, stopped, new address) in the store. */
const REFRESH_MS = 3000;

/** The join code, the address and the QR code, large enough to type or scan from a seat. */
export function ProjectorJoin({ workshopId, title }: { workshopId: string; title: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const [invitation, setInvitation] = useState<Invitation | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    let shown = '';
    const refresh = async () => {
      const row = await store.getConnection(workshopId).catch(() => undefined);
      if (!current) return;
      if (!row) {
        shown = '';
        return setInvitation(null);
      }
      const invite = encodeInvite({ addresses: row.signaling, room: workshopId, secret: row.secret });
      if (invite === shown) return;
      shown = invite;
      const lan = row.signaling.filter((address) => !address.includes('127.0.0.1'));
      const qr = await QRCode.toDataURL(invite, { errorCorrectionLevel: 'M', margin: 1, width: 640 }).catch(() => null);
      if (current)
        setInvitation({
          code: formatJoinSecret(row.secret),
          addresses: (lan.length > 0 ? lan : row.signaling).map((address) => address.replace(/^ws:\/\//, '')),
          qr,
          phoneUrl: phoneJoinUrl(row.signaling, row.secret),
        });
    };
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [store, workshopId]);

  if (invitation === undefined) return null;
  return (
    <div className="projector-join" data-testid="projector-join">
      <header className="projector-head">
        <h1>{t('projector.joinHeading', { title })}</h1>
      </header>
      {invitation === null ? (
        <p className="projector-empty">{t('projector.notShared')}</p>
      ) : (
        <div className="projector-join-body">
          <div>
            <p className="projector-kicker">{t('projector.codeLabel')}</p>
            <p className="projector-code" data-testid="projector-code">
              {invitation.code}
            </p>
            <p className="projector-kicker">{t('projector.addressLabel')}</p>
            {invitation.addresses.map((address) => (
              <p key={address} className="projector-address">
                {address}
              </p>
            ))}
            <div className="projector-join-laptops">
              <p className="projector-hint">{t('projector.joinHint')}</p>
              {invitation.qr && <img className="projector-qr" src={invitation.qr} alt={t('projector.qrAlt')} />}
            </div>
          </div>
          {/* The room's phones: the largest code on the wall, since most people join with one. */}
          {invitation.phoneUrl && <PhoneQr url={invitation.phoneUrl} className="projector-phone" width={640} />}
        </div>
      )}
    </div>
  );
}
