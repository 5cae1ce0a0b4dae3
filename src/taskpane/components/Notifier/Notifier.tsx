import { Toast, ToastTitle, Toaster, useToastController } from "@fluentui/react-components";
import { useEffect } from "react";

/** One success message to show; a new id shows it again even when the text repeats. */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

export interface NotifierProps {
  readonly toasterId: string;
  readonly notice: Notice | null;
}

/** The pane's toaster (loaded after the first render): shows each new notice as a short success toast. */
export function Notifier({ toasterId, notice }: NotifierProps) {
  const { dispatchToast } = useToastController(toasterId);
  useEffect(() => {
    if (!notice) return;
    dispatchToast(
      <Toast>
        <ToastTitle>{notice.text}</ToastTitle>
      </Toast>,
      { intent: "success", timeout: 3000 },
    );
  }, [notice, dispatchToast]);
  return <Toaster toasterId={toasterId} position="bottom" />;
}
