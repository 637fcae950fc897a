import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';

/**
 * The QR code phones scan to take part (issue 16): the participant page on the host's server,
 * the join code in the address's fragment. A caption says what it is for, and the address is
 * written out for a phone whose camera does not read it.
 */
export function PhoneQr({ url, className, width }: { url: string; className: string; width: number }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<{ url: string; image: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width }).then(
      (image) => current && setQr({ url, image }),
      () => current && setQr({ url, image: null }),
    );
    return () => {
      current = false;
    };
  }, [url, width]);
  const image = qr?.url === url ? qr.image : null;
  return (
    <figure className={className} data-testid="phone-qr">
      <figcaption>{t('connection.phoneCaption')}</figcaption>
      {image ? <img src={image} alt={t('connection.phoneQrAlt')} /> : qr?.url !== url && <span className="phone-qr-pending" aria-hidden="true" />}
      <p className="phone-url" data-testid="phone-url">
        {breakable(url)}
      </p>
    </figure>
  );
}

/**
 * The address with a line-break opportunity after each "/" (not inside "//") and before the "#": a narrow column
 * breaks it there, where a reader expects it, not inside the host, the port or the code.
 */
function breakable(url: string) {
  return url.split(/(?<=[^/]\/)(?!\/)|(?=#)/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
