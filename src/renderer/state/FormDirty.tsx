import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type Setter = (dirty: boolean) => void;
const DirtyContext = createContext<Setter>(() => undefined);

/**
 * Screens with a form say when it holds unsaved input, so the idle timeout warns for 20 s
 * before it throws the input away.
 */
export function FormDirtyProvider({ children, onChange }: { children: ReactNode; onChange: Setter }) {
  return <DirtyContext.Provider value={onChange}>{children}</DirtyContext.Provider>;
}

export function useFormDirty(dirty: boolean): void {
  const setDirty = useContext(DirtyContext);
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);
}

export function useDirtyState(): [boolean, Setter] {
  return useState(false);
}
